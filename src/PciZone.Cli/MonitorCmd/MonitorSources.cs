using PciZone.Monitoring.Aws;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Cli.MonitorCmd;

/// <summary>The source of one run (folder, S3 prefix or SQS queue) and what it counted.</summary>
internal sealed class MonitorSources : IDisposable
{
    private readonly AwsLogSource? _aws;
    private readonly FolderSource? _folder;

    private MonitorSources(ILogSource source, string description, AwsLogSource? aws, FolderSource? folder)
    {
        Source = source;
        Description = description;
        _aws = aws;
        _folder = folder;
    }

    public ILogSource Source { get; }

    public string Description { get; }

    /// <summary>Problems the source itself met (poison messages, unreadable folder entries).</summary>
    public int Problems => _aws is not null ? (int)_aws.Counters.PoisonMessages : _folder?.Failures.Count ?? 0;

    /// <summary>One line of what the source skipped and dead-lettered, or null.</summary>
    public string? Counters()
    {
        if (_folder is not null)
        {
            return $"skipped {_folder.DigestFilesSkipped} digest file(s), {_folder.PartialFilesSkipped} partial file(s)"
                   + string.Concat(_folder.Failures.Select(f => $"; {f.Key}: {f.Reason}"));
        }

        if (_aws is null)
        {
            return null;
        }

        var c = _aws.Counters;
        return $"{c.Messages} message(s), {c.Objects} object(s), {c.SkippedKeys} key(s) skipped, {c.TestEvents} test event(s), "
               + $"{c.PoisonMessages} poison message(s), {c.Retried} retried, {c.DeadLettered} dead-lettered";
    }

    public IEnumerable<InputProblem> SourceProblems() => _aws?.Counters.Problems ?? [];

    public static MonitorSources Create(RunRequest req, CliHost host, string storePath)
    {
        if (req.From is { } dir)
        {
            if (!Directory.Exists(dir))
            {
                throw new UsageException($"--from: {dir}: folder not found");
            }

            var folder = new FolderSource(dir, new FolderSourceOptions
            {
                Follow = req.Follow,
                PollInterval = req.PollSeconds is { } poll ? TimeSpan.FromSeconds(poll) : new FolderSourceOptions().PollInterval,
            }, host.Time);
            return new MonitorSources(folder, dir, null, folder);
        }

        var connection = new AwsConnection(req.EndpointUrl, req.Region ?? host.Environment("AWS_REGION") ?? host.Environment("AWS_DEFAULT_REGION"),
            host.Environment("AWS_ACCESS_KEY_ID"), host.Environment("AWS_SECRET_ACCESS_KEY"), host.Environment("AWS_SESSION_TOKEN"));
        if (req.S3 is { } s3)
        {
            var (bucket, prefix) = ParseS3(s3);
            var aws = AwsLogSources.Prefix(new S3PrefixSourceOptions(bucket, prefix), connection);
            return new MonitorSources(aws.Source, s3, aws, null);
        }

        var options = new SqsS3SourceOptions(req.Queue!)
        {
            DeadLetterQueueUrl = req.DeadLetterQueue,
            // Without a dead-letter queue, poison messages are kept as files beside the store.
            DeadLetterFolder = req.DeadLetterQueue is not null ? null
                : Path.GetFullPath(req.DeadLetterDir ?? Path.Combine(Path.GetDirectoryName(storePath)!, "dead-letter")),
            MaxReceives = req.MaxReceives ?? 5,
            Follow = req.Follow,
        };
        try
        {
            var queue = AwsLogSources.Queue(options, connection, host.Time);
            return new MonitorSources(queue.Source, req.Queue!, queue, null);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--queue: {ex.Message}");
        }
    }

    private static (string Bucket, string Prefix) ParseS3(string url)
    {
        if (!url.StartsWith("s3://", StringComparison.Ordinal) || url.Length <= 5)
        {
            throw new UsageException($"--s3: '{url}' is not s3://BUCKET/PREFIX");
        }

        var rest = url[5..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (rest, "") : (rest[..slash], rest[(slash + 1)..]);
    }

    public void Dispose() => _aws?.Dispose();
}
