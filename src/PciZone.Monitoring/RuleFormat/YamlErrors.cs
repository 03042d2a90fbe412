using PciZone.Monitoring.Rules;
using YamlDotNet.RepresentationModel;

namespace PciZone.Monitoring.RuleFormat;

/// <summary>Collects load errors for one file, each at a YAML node's line and column.</summary>
internal sealed class YamlErrors(string file, List<RuleLoadError> errors)
{
    public string File => file;

    public int Count => errors.Count;

    public void Add(YamlNode node, string message) =>
        errors.Add(new RuleLoadError(file, (int)node.Start.Line, (int)node.Start.Column, message));

    public void AddMissingPlaceholder(YamlNode node, string name, string message) =>
        errors.Add(new RuleLoadError(file, (int)node.Start.Line, (int)node.Start.Column, message) { MissingPlaceholder = name });

    public void Add(int line, int column, string message) => errors.Add(new RuleLoadError(file, line, column, message));

    /// <summary>The scalar text, or null (with an error) when the node is not a scalar.</summary>
    public string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Add(node, $"'{what}' must be a single value");
        return null;
    }

    /// <summary>A list of scalars (a lone scalar is a list of one), or null with an error.</summary>
    public List<string>? Strings(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } one } && !IsNull((YamlScalarNode)node))
        {
            return [one];
        }

        if (node is not YamlSequenceNode seq)
        {
            Add(node, $"'{what}' must be a list of values");
            return null;
        }

        var list = new List<string>();
        foreach (var item in seq.Children)
        {
            if (Scalar(item, what) is { } s)
            {
                list.Add(s);
            }
        }

        return list;
    }

    /// <summary>YAML null: <c>null</c>, <c>~</c> or nothing, unquoted.</summary>
    public static bool IsNull(YamlScalarNode node) =>
        node.Style == YamlDotNet.Core.ScalarStyle.Plain && node.Value is null or "" or "~" or "null" or "Null" or "NULL";
}
