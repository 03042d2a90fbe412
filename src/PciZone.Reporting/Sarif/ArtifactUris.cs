namespace PciZone.Reporting;

/// <summary>
/// Turns finding paths into SARIF artifact URIs: relative paths become forward-slash URI references
/// against <c>%SRCROOT%</c>; rooted paths become absolute <c>file:</c> URIs without a base.
/// Cached per path because 100,000 findings share a few hundred files.
/// </summary>
internal sealed class ArtifactUris
{
    public const string SourceRootId = "%SRCROOT%";

    private readonly Dictionary<string, (string Uri, bool Relative)> _cache = new(StringComparer.Ordinal);

    public (string Uri, bool Relative) For(string path)
    {
        if (!_cache.TryGetValue(path, out var uri))
        {
            _cache[path] = uri = Convert(path);
        }

        return uri;
    }

    /// <summary>A directory as an absolute file URI ending in a slash, as SARIF requires of base URIs.</summary>
    public static string DirectoryUri(string directory)
    {
        var uri = Convert(directory).Uri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    private static (string Uri, bool Relative) Convert(string path)
    {
        var p = path.Replace('\\', '/');
        var drive = p.Length >= 2 && char.IsAsciiLetter(p[0]) && p[1] == ':';
        if (drive || p.StartsWith('/'))
        {
            var body = Escape(drive ? p[2..] : p);
            return (drive ? $"file:///{p[..2]}{body}" : $"file://{body}", false);
        }

        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return (Escape(p), true);
    }

    // Escapes each segment so spaces, '#', '?' and '%' in file names survive as URI data.
    private static string Escape(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
