using System.Globalization;
using PciZone.Scope.Result;

namespace PciZone.Scope.Output;

/// <summary>How an edge is drawn; also its order among the edges of one pair of nodes.</summary>
internal enum EdgeKind
{
    /// <summary>At least one flow breaks a segmentation check: red and bold.</summary>
    Violation,

    /// <summary>Reachable flows: plain.</summary>
    Allowed,

    /// <summary>Flows that depend on a value not known until apply: dotted amber.</summary>
    Unknown,

    /// <summary>Blocked flows, drawn only on request: dashed grey with a bar.</summary>
    Blocked,
}

/// <summary>One drawn edge: all flows of one kind between one pair of endpoints.</summary>
internal sealed record DotEdge(string From, string To, EdgeKind Kind, string Attributes);

/// <summary>
/// Collapses flows into edges: one edge per pair of endpoints and kind, so a large estate draws one
/// arrow where it has hundreds of flows. The label lists the distinct traffic up to
/// <see cref="ScopeDotOptions.MaxTrafficPerEdge"/> lines and counts the rest; the tooltip (shown by
/// SVG viewers) lists more, with the violated checks.
/// </summary>
internal static class DotEdges
{
    private const int MaxTooltipLines = 20;

    public static IReadOnlyList<DotEdge> Build(ScopeView view, ScopeDotOptions options)
    {
        var groups = new SortedDictionary<(string From, string To, EdgeKind Kind), List<Flow>>(KeyOrder.Instance);
        foreach (var f in view.Flows)
        {
            var kind = view.ViolationsOf(f).Count > 0 ? EdgeKind.Violation
                : f.Verdict switch
                {
                    FlowVerdict.Reachable => EdgeKind.Allowed,
                    FlowVerdict.Unknown => EdgeKind.Unknown,
                    _ => EdgeKind.Blocked,
                };
            if (kind == EdgeKind.Blocked && !options.IncludeBlocked)
            {
                continue;
            }

            var key = (f.From, f.To, kind);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(f);
        }

        return [.. groups.Select(g => new DotEdge(g.Key.From, g.Key.To, g.Key.Kind, Attributes(view, g.Key.Kind, g.Value, options)))];
    }

    private static string Attributes(ScopeView view, EdgeKind kind, List<Flow> flows, ScopeDotOptions options)
    {
        var traffic = flows.Select(f => f.Traffic).Distinct(StringComparer.Ordinal).ToList();
        var max = Math.Max(1, options.MaxTrafficPerEdge);
        var label = traffic.Count <= max
            ? traffic
            : [.. traffic.Take(max - 1), string.Create(CultureInfo.InvariantCulture, $"+{traffic.Count - (max - 1)} more")];

        var checks = flows.SelectMany(view.ViolationsOf).Select(v => v.Check).Distinct(StringComparer.Ordinal).ToList();
        List<string> tooltip = [$"{flows[0].From} -> {flows[0].To}"];
        if (checks.Count > 0)
        {
            tooltip.Add("violates: " + string.Join(", ", checks));
        }

        tooltip.AddRange(traffic.Take(MaxTooltipLines));
        if (traffic.Count > MaxTooltipLines)
        {
            tooltip.Add(string.Create(CultureInfo.InvariantCulture, $"+{traffic.Count - MaxTooltipLines} more"));
        }

        var style = kind switch
        {
            EdgeKind.Violation => "color=\"#c00000\", fontcolor=\"#c00000\", penwidth=2.5, style=bold",
            EdgeKind.Allowed => "color=\"#555555\"",
            EdgeKind.Unknown => "color=\"#b36b00\", fontcolor=\"#b36b00\", style=dotted",
            _ => "color=\"#999999\", fontcolor=\"#999999\", style=dashed, arrowhead=tee",
        };
        var suffix = kind switch
        {
            EdgeKind.Unknown => ["(unknown)"],
            EdgeKind.Blocked => ["(blocked)"],
            EdgeKind.Violation when flows.Any(f => f.Verdict == FlowVerdict.Unknown) => ["(unknown)"],
            _ => Array.Empty<string>(),
        };
        return $"label={DotText.Lines(label.Concat(suffix))}, {style}, tooltip={DotText.Lines(tooltip)}";
    }

    private sealed class KeyOrder : IComparer<(string From, string To, EdgeKind Kind)>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare((string From, string To, EdgeKind Kind) x, (string From, string To, EdgeKind Kind) y)
        {
            var c = string.CompareOrdinal(x.From, y.From);
            c = c != 0 ? c : string.CompareOrdinal(x.To, y.To);
            return c != 0 ? c : x.Kind.CompareTo(y.Kind);
        }
    }
}
