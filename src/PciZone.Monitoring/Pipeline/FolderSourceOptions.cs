namespace PciZone.Monitoring.Pipeline;

/// <summary>How <see cref="FolderSource"/> reads its folder.</summary>
public sealed record FolderSourceOptions
{
    /// <summary>False: one pass over the files present, then the source ends. True: keep polling for new files.</summary>
    public bool Follow { get; init; }

    /// <summary>Time between scans in follow mode; a new file is taken once two scans saw it unchanged.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Names ending so are still being written (by a copier or downloader) and are never read.</summary>
    public IReadOnlyList<string> PartialSuffixes { get; init; } = [".tmp", ".part", ".partial", ".crdownload", ".download", "~"];
}

/// <summary>A file the pipeline could not process in this run; it is not done, so the next run tries it again.</summary>
/// <param name="Key">The file's key (relative path).</param>
/// <param name="Reason">Why it failed.</param>
public sealed record FolderFailure(string Key, string Reason);
