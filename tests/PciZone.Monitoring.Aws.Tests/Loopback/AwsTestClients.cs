using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;

namespace PciZone.Monitoring.Aws.Tests.Loopback;

/// <summary>Real SDK clients pointed at the loopback, as the CLI would build them for a custom endpoint.</summary>
internal static class AwsTestClients
{
    private static readonly BasicAWSCredentials Credentials = new("test", "test");

    public static AmazonSQSClient Sqs(LoopbackAws server) => new(Credentials, new AmazonSQSConfig
    {
        ServiceURL = server.ServiceUrl,
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 3,
        Timeout = TimeSpan.FromSeconds(30),
    });

    public static AmazonS3Client S3(LoopbackAws server) => new(Credentials, new AmazonS3Config
    {
        ServiceURL = server.ServiceUrl,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 3,
    });
}
