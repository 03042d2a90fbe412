using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PciZone.Cli.Config;

/// <summary>
/// The contents of a <c>.pcizone.yaml</c>. Every key is optional; null means "not set here".
/// Format file paths are already resolved against the config file's directory.
/// </summary>
internal sealed record ConfigFile(
    string Path,
    string? FailOn,
    IReadOnlyList<string>? Formats,
    IReadOnlyList<string>? Only,
    IReadOnlyList<string>? Skip,
    string? Requirement)
{
    /// <summary>The file name searched for.</summary>
    public const string FileName = ".pcizone.yaml";

    private static readonly string[] TopKeys = ["failOn", "formats", "rules", "requirement"];
    private static readonly string[] RuleKeys = ["only", "skip"];

    /// <summary>
    /// The config that applies to a scan: <paramref name="explicitPath"/> if given, else the first
    /// <c>.pcizone.yaml</c> from the first scanned path's directory upward. Null when there is none.
    /// </summary>
    public static ConfigFile? Discover(string? explicitPath, IReadOnlyList<string> scannedPaths)
    {
        if (explicitPath is not null)
        {
            if (!File.Exists(explicitPath))
            {
                throw new UsageException($"{explicitPath}: config file not found");
            }

            return Load(explicitPath);
        }

        if (scannedPaths.Count == 0)
        {
            return null;
        }

        var first = System.IO.Path.GetFullPath(scannedPaths[0]);
        var dir = Directory.Exists(first) ? new DirectoryInfo(first) : new FileInfo(first).Directory;
        for (; dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return Load(candidate);
            }
        }

        return null;
    }

    /// <summary>Reads and validates one config file; any problem is a <see cref="UsageException"/> naming file and line.</summary>
    public static ConfigFile Load(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new UsageException($"{path}:{ex.Start.Line}: invalid YAML: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read config: {ex.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new ConfigFile(path, null, null, null, null, null);
        }

        var root = stream.Documents[0].RootNode as YamlMappingNode
                   ?? throw Error(path, stream.Documents[0].RootNode, "the config must be a mapping of keys");
        CheckKeys(path, root, TopKeys, "");
        var baseDir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var formats = List(path, root, "formats")?.Select(f => ResolveFormat(f, baseDir)).ToList();
        IReadOnlyList<string>? only = null, skip = null;
        if (Child(root, "rules") is { } rulesNode)
        {
            var rules = rulesNode as YamlMappingNode ?? throw Error(path, rulesNode, "'rules' must be a mapping with 'only' and/or 'skip'");
            CheckKeys(path, rules, RuleKeys, "rules.");
            only = List(path, rules, "only");
            skip = List(path, rules, "skip");
        }

        return new ConfigFile(path, Scalar(path, root, "failOn"), formats, only, skip, Scalar(path, root, "requirement"));
    }

    private static string ResolveFormat(string spec, string baseDir)
    {
        var eq = spec.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 || eq == spec.Length - 1 ? spec : spec[..(eq + 1)] + System.IO.Path.GetFullPath(spec[(eq + 1)..], baseDir);
    }

    private static void CheckKeys(string path, YamlMappingNode node, string[] known, string prefix)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw Error(path, key, $"unknown key '{prefix}{name}' (known: {string.Join(", ", known.Select(k => prefix + k))})");
            }
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static string? Scalar(string path, YamlMappingNode node, string key) =>
        Child(node, key) switch
        {
            null => null,
            YamlScalarNode s => s.Value,
            var other => throw Error(path, other, $"'{key}' must be a single value"),
        };

    private static List<string>? List(string path, YamlMappingNode node, string key) =>
        Child(node, key) switch
        {
            null => null,
            YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode { Value: { } v }
                ? v
                : throw Error(path, c, $"'{key}' must be a list of strings")).ToList(),
            var other => throw Error(path, other, $"'{key}' must be a list"),
        };

    private static UsageException Error(string path, YamlNode node, string message) =>
        new($"{path}:{node.Start.Line}: {message}");
}
