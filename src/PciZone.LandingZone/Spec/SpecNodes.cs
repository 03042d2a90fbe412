using YamlDotNet.RepresentationModel;

namespace PciZone.LandingZone.Spec;

/// <summary>
/// Typed access to the YAML tree that records every problem instead of stopping at the first:
/// a user fixes a spec in one pass. Each accessor returns a usable fallback after it records an error.
/// </summary>
internal sealed class SpecNodes(string file)
{
    private readonly List<SpecError> errors = [];

    public IReadOnlyList<SpecError> Errors => errors;

    public static SpecMark MarkOf(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string message) => errors.Add(new SpecError(file, (int)node.Start.Line, (int)node.Start.Column, message));

    public void Error(SpecMark mark, string message) => errors.Add(new SpecError(file, mark.Line, mark.Column, message));

    /// <summary>The node as a mapping whose keys are all in <paramref name="known"/>; unknown keys are errors.</summary>
    public YamlMappingNode? Mapping(YamlNode? node, string path, params string[] known)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            Error(node, $"'{path}' must be a mapping");
            return null;
        }

        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (known.Length > 0 && !known.Contains(name, StringComparer.Ordinal))
            {
                Error(key, $"unknown key '{Join(path, name)}' (known: {string.Join(", ", known)})");
            }
        }

        return map;
    }

    public static YamlNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static SpecMark MarkOf(YamlMappingNode? map, string key) =>
        Child(map, key) is { } node ? MarkOf(node) : SpecMark.None;

    public string String(YamlMappingNode? map, string key, string path, string fallback, bool required = false)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required && map is not null)
            {
                Error(map, $"'{Join(path, key)}' is required");
            }

            return fallback;
        }

        if (node is YamlScalarNode { Value: { } value } && value.Length > 0)
        {
            return value;
        }

        Error(node, $"'{Join(path, key)}' must be a non-empty string");
        return fallback;
    }

    public string? OptionalString(YamlMappingNode? map, string key, string path) =>
        Child(map, key) is null ? null : String(map, key, path, "");

    public long Integer(YamlMappingNode? map, string key, string path, long fallback)
    {
        var node = Child(map, key);
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalarNode { Value: { } text } && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node, $"'{Join(path, key)}' must be a whole number");
        return fallback;
    }

    public bool Boolean(YamlMappingNode? map, string key, string path, bool fallback)
    {
        var node = Child(map, key);
        return node switch
        {
            null => fallback,
            YamlScalarNode { Value: "true" } => true,
            YamlScalarNode { Value: "false" } => false,
            _ => Fail(node, $"'{Join(path, key)}' must be true or false", fallback),
        };
    }

    /// <summary>A list of strings with the place of each item.</summary>
    public List<(string Value, SpecMark Mark)> Strings(YamlMappingNode? map, string key, string path)
    {
        var node = Child(map, key);
        var result = new List<(string, SpecMark)>();
        if (node is null)
        {
            return result;
        }

        if (node is not YamlSequenceNode seq)
        {
            Error(node, $"'{Join(path, key)}' must be a list");
            return result;
        }

        foreach (var item in seq.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } value })
            {
                result.Add((value, MarkOf(item)));
            }
            else
            {
                Error(item, $"'{Join(path, key)}' items must be non-empty strings");
            }
        }

        return result;
    }

    /// <summary>A flat string-to-string mapping (tags).</summary>
    public List<KeyValuePair<string, string>> StringMap(YamlMappingNode? map, string key, string path)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (Mapping(Child(map, key), Join(path, key)) is not { } inner)
        {
            return result;
        }

        foreach (var (k, v) in inner.Children)
        {
            if (k is YamlScalarNode { Value: { Length: > 0 } name } && v is YamlScalarNode { Value: { } value })
            {
                result.Add(new(name, value));
            }
            else
            {
                Error(k, $"'{Join(path, key)}' must map names to single values");
            }
        }

        return result;
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private T Fail<T>(YamlNode node, string message, T fallback)
    {
        Error(node, message);
        return fallback;
    }
}
