using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using PciZone.Monitoring.Aws.S3;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Aws;

/// <summary>How <see cref="S3PrefixSource"/> lists a bucket.</summary>
/// <param name="Bucket">The trail's bucket.</param>
/// <param name="Prefix">Key prefix, e.g. <c>AWSLogs/111122223333/CloudTrail/</c>; empty for the whole bucket.</param>
public sealed record S3PrefixSourceOptions(string Bucket, string Prefix)
{
    /// <summary>Keys per ListObjectsV2 page (1 to 1000).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Start listing after this key (exclusive), e.g. to resume a backfill.</summary>
    public string? StartAfter { get; init; }
}

/// <summary>
/// One pass over the CloudTrail objects under a bucket prefix (a backfill): ListObjectsV2 page by page, in
/// key order (S3 lists keys in ascending UTF-8 binary order, which for CloudTrail's ASCII keys is time order
/// per account and region). Digests and keys outside <c>AWSLogs/</c> are skipped and counted. Completing or
/// failing a delivery does nothing to the bucket.
/// </summary>
public sealed class S3PrefixSource : ILogSource
{
    private readonly IAmazonS3 s3;
    private readonly S3PrefixSourceOptions options;

    /// <summary>Creates the source; the client decides the endpoint and credentials.</summary>
    public S3PrefixSource(IAmazonS3 s3, S3PrefixSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Bucket))
        {
            throw new ArgumentException("Bucket is required", nameof(options));
        }

        if (options.PageSize is < 1 or > 1000)
        {
            throw new ArgumentException("PageSize must be between 1 and 1000", nameof(options));
        }

        this.s3 = s3;
        this.options = options;
    }

    /// <summary>What this source has listed and skipped so far.</summary>
    public AwsSourceCounters Counters { get; } = new();

    /// <inheritdoc />
    public async IAsyncEnumerable<ILogDelivery> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        string? previous = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = options.Bucket,
                Prefix = options.Prefix,
                MaxKeys = options.PageSize,
                ContinuationToken = continuation,
                StartAfter = continuation is null ? options.StartAfter : null,
            }, cancellationToken).ConfigureAwait(false);

            foreach (var entry in page.S3Objects ?? [])
            {
                // A listing out of order would break resume-by-StartAfter; say so rather than skip silently.
                if (previous is not null && string.CompareOrdinal(entry.Key, previous) <= 0)
                {
                    throw new InvalidOperationException(
                        $"ListObjectsV2 of s3://{options.Bucket}/{options.Prefix} returned {entry.Key} after {previous}");
                }

                previous = entry.Key;
                if (CloudTrailKeys.SkipReason(entry.Key) is { } reason)
                {
                    Counters.Skipped(options.Bucket + "/" + entry.Key, "listing", reason);
                    continue;
                }

                Counters.Object();
                yield return new ObjectDelivery(S3ObjectReader.LogObject(s3, options.Bucket, entry.Key));
            }

            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    /// <summary>One listed object; nothing to acknowledge in a bucket.</summary>
    private sealed class ObjectDelivery(LogObject logObject) : ILogDelivery
    {
        public IReadOnlyList<LogObject> Objects { get; } = [logObject];

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task FailAsync(string reason, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
