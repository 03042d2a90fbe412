using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Aws;

/// <summary>Where and as whom the AWS clients connect; null fields fall back to the SDK's defaults.</summary>
/// <param name="EndpointUrl">S3 and SQS endpoint instead of AWS's (an emulator, a VPC endpoint).</param>
/// <param name="Region">Region; with an endpoint URL it is the signing region.</param>
/// <param name="AccessKeyId">Explicit credentials (else the SDK's default chain: environment, profile, instance role).</param>
/// <param name="SecretAccessKey">Secret of <paramref name="AccessKeyId"/>.</param>
/// <param name="SessionToken">Session token of temporary credentials.</param>
public sealed record AwsConnection(string? EndpointUrl, string? Region, string? AccessKeyId, string? SecretAccessKey, string? SessionToken);

/// <summary>An AWS log source with the clients it owns and its counters.</summary>
public sealed class AwsLogSource : IDisposable
{
    private readonly IDisposable[] _owned;

    internal AwsLogSource(ILogSource source, AwsSourceCounters counters, params IDisposable[] owned)
    {
        Source = source;
        Counters = counters;
        _owned = owned;
    }

    /// <summary>The source to give the runner.</summary>
    public ILogSource Source { get; }

    /// <summary>What it has received, skipped and dead-lettered.</summary>
    public AwsSourceCounters Counters { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var d in _owned)
        {
            d.Dispose();
        }
    }
}

/// <summary>Builds the AWS sources with real SDK clients, so that callers never touch SDK types.</summary>
public static class AwsLogSources
{
    /// <summary>S3 event notifications on an SQS queue (competing consumers; dead-letter after N tries).</summary>
    public static AwsLogSource Queue(SqsS3SourceOptions options, AwsConnection connection, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);
        var region = connection.Region ?? RegionOfQueue(options.QueueUrl);
        var sqs = Sqs(connection, region);
        var s3 = S3(connection, region);
        var source = new SqsS3Source(sqs, s3, options, time);
        return new AwsLogSource(source, source.Counters, sqs, s3);
    }

    /// <summary>Every log object under an S3 prefix, once (backfill).</summary>
    public static AwsLogSource Prefix(S3PrefixSourceOptions options, AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);
        var s3 = S3(connection, connection.Region);
        var source = new S3PrefixSource(s3, options);
        return new AwsLogSource(source, source.Counters, s3);
    }

    // https://sqs.eu-west-1.amazonaws.com/111122223333/queue names its region; an emulator URL does not.
    internal static string? RegionOfQueue(string queueUrl)
    {
        if (!Uri.TryCreate(queueUrl, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var parts = uri.Host.Split('.');
        return parts.Length >= 4 && parts[0] == "sqs" && parts[^2] == "amazonaws" ? parts[1] : null;
    }

    private static AmazonSQSClient Sqs(AwsConnection c, string? region)
    {
        var config = new AmazonSQSConfig();
        Apply(config, c, region);
        return Credentials(c) is { } creds ? new AmazonSQSClient(creds, config) : new AmazonSQSClient(config);
    }

    private static AmazonS3Client S3(AwsConnection c, string? region)
    {
        var config = new AmazonS3Config { ForcePathStyle = c.EndpointUrl is not null };
        Apply(config, c, region);
        return Credentials(c) is { } creds ? new AmazonS3Client(creds, config) : new AmazonS3Client(config);
    }

    private static void Apply(ClientConfig config, AwsConnection c, string? region)
    {
        if (c.EndpointUrl is not null)
        {
            config.ServiceURL = c.EndpointUrl;
            config.AuthenticationRegion = region ?? "us-east-1";
        }
        else if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
    }

    private static AWSCredentials? Credentials(AwsConnection c) =>
        c.AccessKeyId is { Length: > 0 } id && c.SecretAccessKey is { Length: > 0 } secret
            ? c.SessionToken is { Length: > 0 } token ? new SessionAWSCredentials(id, secret, token) : new BasicAWSCredentials(id, secret)
            : null;
}
