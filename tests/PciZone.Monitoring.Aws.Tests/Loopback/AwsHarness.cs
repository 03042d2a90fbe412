using Amazon.S3;
using Amazon.SQS;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Aws.Tests.Loopback;

/// <summary>A loopback with a source queue, a dead-letter queue, a bucket, and SDK clients aimed at it.</summary>
internal sealed class AwsHarness : IAsyncDisposable
{
    public AwsHarness()
    {
        Server = new LoopbackAws();
        Queue = Server.CreateQueue("cloudtrail-notifications");
        DeadLetters = Server.CreateQueue("cloudtrail-notifications-dlq");
        Server.Buckets[Fixtures.Bucket] = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        Sqs = AwsTestClients.Sqs(Server);
        S3 = AwsTestClients.S3(Server);
    }

    public LoopbackAws Server { get; }

    public FakeQueue Queue { get; }

    public FakeQueue DeadLetters { get; }

    public AmazonSQSClient Sqs { get; }

    public AmazonS3Client S3 { get; }

    /// <summary>Options for fast tests: short waits, immediate retry, DLQ as a queue.</summary>
    public SqsS3SourceOptions Options => new(Queue.Url)
    {
        DeadLetterQueueUrl = DeadLetters.Url,
        WaitTime = TimeSpan.Zero,
        VisibilityTimeout = TimeSpan.FromSeconds(30),
        RetryDelay = TimeSpan.Zero,
        MaxReceives = 3,
    };

    public SqsS3Source Source(SqsS3SourceOptions? options = null) => new(Sqs, S3, options ?? Options, TimeProvider.System);

    public string PutLog(int n)
    {
        var key = Fixtures.LogKey(n);
        Server.PutObject(Fixtures.Bucket, key, Fixtures.LogFile($"3038ebd2-c98a-4c65-9b6e-{n:000000000000}"));
        return key;
    }

    public static async Task<byte[]> ReadAllAsync(LogObject logObject)
    {
        await using var stream = await logObject.Open(TestContext.Current.CancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
        return copy.ToArray();
    }

    public static async Task<List<ILogDelivery>> DrainAsync(ILogSource source, Func<ILogDelivery, Task>? handle = null)
    {
        var deliveries = new List<ILogDelivery>();
        await foreach (var delivery in source.ReadAsync(TestContext.Current.CancellationToken))
        {
            deliveries.Add(delivery);
            if (handle is not null)
            {
                await handle(delivery);
            }
        }

        return deliveries;
    }

    public async ValueTask DisposeAsync()
    {
        Sqs.Dispose();
        S3.Dispose();
        await Server.DisposeAsync();
    }
}
