using System.Globalization;
using PciZone.Compliance;
using PciZone.Rules.Suppressions;
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
    /// <summary>Approved exceptions (<c>exceptions:</c>), each with reason, approver and expiry.</summary>
    public IReadOnlyList<RuleException> Exceptions { get; init; } = [];

    /// <summary>Attested process requirements (<c>attestations:</c>) for the compliance matrix.</summary>
    public IReadOnlyList<Attestation> Attestations { get; init; } = [];

    /// <summary>The <c>scope:</c> section for <c>pcizone scope</c> and the segmentation rules, or null.</summary>
    public ScopeConfig? Scope { get; init; }

    /// <summary>The <c>monitor:</c> section for <c>pcizone monitor</c>, or null.</summary>
    public MonitorConfig? Monitor { get; init; }

    /// <summary>The <c>vault:</c> section for <c>pcizone vault serve --config</c>, or null.</summary>
    public VaultConfig? Vault { get; init; }

    /// <summary>The file name searched for.</summary>
    public const string FileName = ".pcizone.yaml";

    private static readonly string[] TopKeys = ["failOn", "formats", "rules", "requirement", "exceptions", "attestations", "scope", "monitor", "vault"];
    private static readonly string[] ExceptionKeys = ["rule", "resource", "reason", "approver", "expires", "compensatingControl"];
    private static readonly string[] AttestationKeys = ["requirement", "by", "date", "evidence", "note"];
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

        return new ConfigFile(path, Scalar(path, root, "failOn"), formats, only, skip, Scalar(path, root, "requirement"))
        {
            Exceptions = Items(path, root, "exceptions", ExceptionKeys).Select(e => ReadException(path, e)).ToList(),
            Attestations = Items(path, root, "attestations", AttestationKeys).Select(a => ReadAttestation(path, a)).ToList(),
            Scope = Child(root, "scope") is { } scope ? ScopeConfig.Read(path, scope) : null,
            Monitor = Child(root, "monitor") is { } monitor ? MonitorConfig.Read(path, monitor) : null,
            Vault = Child(root, "vault") is { } vault ? VaultConfig.Read(path, vault) : null,
        };
    }

    private static RuleException ReadException(string path, YamlMappingNode e) => new(
        Required(path, e, "rule", "exceptions"),
        Scalar(path, e, "resource") ?? "*",
        Required(path, e, "reason", "exceptions"),
        Required(path, e, "approver", "exceptions"),
        Date(path, e, "expires", "exceptions"),
        Scalar(path, e, "compensatingControl"),
        path,
        (int)e.Start.Line);

    private static Attestation ReadAttestation(string path, YamlMappingNode a)
    {
        var requirement = Required(path, a, "requirement", "attestations");
        if (!RequirementCatalogue.PciDss401.Contains(requirement))
        {
            throw Error(path, a, $"attestations: '{requirement}' is not a PCI DSS v4.0.1 requirement id");
        }

        return new Attestation(requirement, Required(path, a, "by", "attestations"), Date(path, a, "date", "attestations"),
            Required(path, a, "evidence", "attestations"), Scalar(path, a, "note"), $"{path}:{a.Start.Line}");
    }

    internal static IEnumerable<YamlMappingNode> Items(string path, YamlMappingNode root, string key, string[] known)
    {
        switch (Child(root, key))
        {
            case null:
                yield break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                {
                    var map = item as YamlMappingNode ?? throw Error(path, item, $"'{key}' entries must be mappings");
                    CheckKeys(path, map, known, key + ".");
                    yield return map;
                }

                break;
            case var other:
                throw Error(path, other, $"'{key}' must be a list");
        }
    }

    internal static string Required(string path, YamlMappingNode node, string key, string section) =>
        Scalar(path, node, key) is { Length: > 0 } value ? value : throw Error(path, node, $"{section}: '{key}' is required");

    private static DateOnly Date(string path, YamlMappingNode node, string key, string section) =>
        DateOnly.TryParseExact(Required(path, node, key, section), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(path, Child(node, key)!, $"{section}: '{key}' must be a date (YYYY-MM-DD)");

    private static string ResolveFormat(string spec, string baseDir)
    {
        var eq = spec.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 || eq == spec.Length - 1 ? spec : spec[..(eq + 1)] + System.IO.Path.GetFullPath(spec[(eq + 1)..], baseDir);
    }

    internal static void CheckKeys(string path, YamlMappingNode node, string[] known, string prefix)
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

    internal static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    internal static string? Scalar(string path, YamlMappingNode node, string key) =>
        Child(node, key) switch
        {
            null => null,
            YamlScalarNode s => s.Value,
            var other => throw Error(path, other, $"'{key}' must be a single value"),
        };

    internal static List<string>? List(string path, YamlMappingNode node, string key) =>
        Child(node, key) switch
        {
            null => null,
            YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode { Value: { } v }
                ? v
                : throw Error(path, c, $"'{key}' must be a list of strings")).ToList(),
            var other => throw Error(path, other, $"'{key}' must be a list"),
        };

    /// <summary>
    /// A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when the key is absent;
    /// anything else is an error at <paramref name="at"/> (default: the value) naming <paramref name="section"/>.<paramref name="key"/>.
    /// </summary>
    internal static int? Number(string path, YamlMappingNode node, string key, string section, int min, int max, YamlNode? at = null)
    {
        if (Scalar(path, node, key) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Error(path, at ?? Child(node, key)!, $"{section}.{key}: '{text}' is not a whole number from {min} to {max}");
    }

    internal static UsageException Error(string path, YamlNode node, string message) =>
        new($"{path}:{node.Start.Line}: {message}");
}
