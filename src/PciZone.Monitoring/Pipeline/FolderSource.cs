using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace PciZone.Monitoring.Pipeline;

/// <summary>
/// CloudTrail log files from a folder, recursively. Files are yielded in ordinal order of their relative
/// path, which in the CloudTrail layout <c>AWSLogs/&lt;account&gt;/CloudTrail/&lt;region&gt;/YYYY/MM/DD/...</c>
/// is time order within each account and region. Each file is one delivery whose object key is the path
/// relative to the folder with <c>/</c> separators (stable across restarts and machines). Digest files
/// (<c>CloudTrail-Digest</c>) are skipped and counted, as are files whose name says they are still being
/// written. Hidden files are ignored. In follow mode a file is taken only once two consecutive scans saw
/// the same size and modification time, so a file still being copied is not read half-written.
/// </summary>
public sealed class FolderSource : ILogSource
{
    private readonly string _root;
    private readonly FolderSourceOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<FolderFailure> _failures = new();
    private readonly HashSet<string> _digests = new(StringComparer.Ordinal);
    private readonly HashSet<string> _partials = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Reads <paramref name="root"/>; follow-mode delays go through <paramref name="time"/>.</summary>
    public FolderSource(string root, FolderSourceOptions? options = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        _options = options ?? new FolderSourceOptions();
        _time = time ?? TimeProvider.System;
        if (_options.PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The poll interval must be positive.");
        }
    }

    /// <summary>Digest files seen and skipped so far.</summary>
    public int DigestFilesSkipped
    {
        get { lock (_gate) { return _digests.Count; } }
    }

    /// <summary>Files skipped so far because their name marks them as still being written.</summary>
    public int PartialFilesSkipped
    {
        get { lock (_gate) { return _partials.Count; } }
    }

    /// <summary>Files the pipeline gave back as failed during this run.</summary>
    public IReadOnlyList<FolderFailure> Failures => [.. _failures];

    /// <inheritdoc />
    public async IAsyncEnumerable<ILogDelivery> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root))
        {
            throw new DirectoryNotFoundException($"The log folder '{_root}' does not exist.");
        }

        if (!_options.Follow)
        {
            foreach (var file in Scan())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Deliver(file);
            }

            yield break;
        }

        var seen = new Dictionary<string, (long Length, DateTime Written)>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        while (!cancellationToken.IsCancellationRequested)
        {
            var ready = new List<FolderFile>();
            foreach (var file in Scan())
            {
                if (taken.Contains(file.Key))
                {
                    continue;
                }

                var now = (file.Info.Length, file.Info.LastWriteTimeUtc);
                if (seen.TryGetValue(file.Key, out var before) && before == now)
                {
                    ready.Add(file);
                }
                else
                {
                    seen[file.Key] = now;
                }
            }

            foreach (var file in ready)
            {
                cancellationToken.ThrowIfCancellationRequested();
                taken.Add(file.Key);
                seen.Remove(file.Key);
                yield return Deliver(file);
            }

            try
            {
                await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Follow mode ends by cancellation; that is its normal end, not an error.
                yield break;
            }
        }
    }

    /// <summary>Files to read, ordinal by key; digests and partial files are counted and left out.</summary>
    private List<FolderFile> Scan()
    {
        var files = new List<FolderFile>();
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        foreach (var path in Directory.EnumerateFiles(_root, "*", enumeration))
        {
            var key = Path.GetRelativePath(_root, path).Replace('\\', '/');
            if (key.Contains("CloudTrail-Digest", StringComparison.Ordinal))
            {
                lock (_gate) { _digests.Add(key); }
                continue;
            }

            if (_options.PartialSuffixes.Any(suffix => key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)))
            {
                lock (_gate) { _partials.Add(key); }
                continue;
            }

            files.Add(new FolderFile(key, new FileInfo(path)));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return files;
    }

    private FolderDelivery Deliver(FolderFile file) => new(this, file);

    private void RecordFailure(string key, string reason) => _failures.Enqueue(new FolderFailure(key, reason));

    private sealed record FolderFile(string Key, FileInfo Info);

    /// <summary>One file; completing it does nothing (the store remembers it), failing it records why.</summary>
    private sealed class FolderDelivery(FolderSource source, FolderFile file) : ILogDelivery
    {
        public IReadOnlyList<LogObject> Objects { get; } =
        [
            new LogObject(file.Key, _ => Task.FromResult<Stream>(new FileStream(
                file.Info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 1 << 16, FileOptions.SequentialScan))),
        ];

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task FailAsync(string reason, CancellationToken cancellationToken)
        {
            source.RecordFailure(file.Key, reason);
            return Task.CompletedTask;
        }
    }
}
