using PciZone.Monitoring.RuleFormat;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PciZone.Monitoring.Rules;

/// <summary>Parses a placeholder file: a mapping of names to a value or a list of values.</summary>
internal static class Placeholders
{
    public static Dictionary<string, IReadOnlyList<string>> Parse(string file, string text, List<RuleLoadError> errors)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var e = new YamlErrors(file, errors);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            e.Add((int)ex.Start.Line, (int)ex.Start.Column, "invalid YAML: " + ex.Message);
            return result;
        }

        if (stream.Documents.Count == 0)
        {
            return result;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            e.Add(stream.Documents[0].RootNode, "a placeholder file is a mapping of names to lists of values");
            return result;
        }

        foreach (var (k, v) in map.Children)
        {
            if (e.Scalar(k, "placeholder name") is { } name && e.Strings(v, name) is { } values)
            {
                result[name] = values;
            }
        }

        return result;
    }
}
