using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace PciZone.Monitoring.RuleFormat;

/// <summary>Parses <c>pcizone.threshold</c> and <c>pcizone.silence</c>.</summary>
internal static partial class StatefulParser
{
    public static ThresholdSpec? Threshold(YamlErrors e, YamlNode node)
    {
        var before = e.Count;
        int? count = null;
        TimeSpan? window = null;
        List<string> by = [];
        foreach (var (k, v) in Entries(e, node, "threshold"))
        {
            switch (k.Value)
            {
                case "count":
                    if (int.TryParse(e.Scalar(v, "count"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
                    {
                        count = n;
                    }
                    else
                    {
                        e.Add(v, "threshold.count must be a whole number of at least 1");
                    }

                    break;
                case "window":
                    window = Window(e, v);
                    break;
                case "by":
                    by = By(e, v);
                    break;
                default:
                    e.Add(k, $"unsupported threshold key '{k.Value}' (allowed: count, window, by)");
                    break;
            }
        }

        if (count is null || window is null)
        {
            if (e.Count == before)
            {
                e.Add(node, "threshold needs count and window");
            }

            return null;
        }

        return e.Count == before ? new ThresholdSpec(count.Value, window.Value, by) : null;
    }

    public static SilenceSpec? Silence(YamlErrors e, YamlNode node)
    {
        var before = e.Count;
        TimeSpan? window = null;
        List<string> by = [];
        foreach (var (k, v) in Entries(e, node, "silence"))
        {
            switch (k.Value)
            {
                case "window":
                    window = Window(e, v);
                    break;
                case "by":
                    by = By(e, v);
                    break;
                default:
                    e.Add(k, $"unsupported silence key '{k.Value}' (allowed: window, by)");
                    break;
            }
        }

        if (window is null)
        {
            if (e.Count == before)
            {
                e.Add(node, "silence needs a window");
            }

            return null;
        }

        return e.Count == before ? new SilenceSpec(window.Value, by) : null;
    }

    private static List<(YamlScalarNode Key, YamlNode Value)> Entries(YamlErrors e, YamlNode node, string what)
    {
        if (node is not YamlMappingNode map)
        {
            e.Add(node, $"{what} must be a mapping");
            return [];
        }

        var list = new List<(YamlScalarNode, YamlNode)>();
        foreach (var (k, v) in map.Children)
        {
            list.Add((k as YamlScalarNode ?? new YamlScalarNode(""), v));
        }

        return list;
    }

    private static TimeSpan? Window(YamlErrors e, YamlNode node)
    {
        var text = e.Scalar(node, "window");
        var m = text is null ? null : Duration().Match(text);
        if (m is not { Success: true } || !long.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 1_000_000)
        {
            e.Add(node, "window must be a duration such as 30s, 5m, 1h or 1d");
            return null;
        }

        return m.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
    }

    private static List<string> By(YamlErrors e, YamlNode node)
    {
        var list = e.Strings(node, "by") ?? [];
        foreach (var path in list)
        {
            if (!FieldPaths.IsValid(path))
            {
                e.Add(node, $"'{path}' is not a field path");
            }
        }

        return list;
    }

    [GeneratedRegex("^([0-9]+)(s|m|h|d)$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
