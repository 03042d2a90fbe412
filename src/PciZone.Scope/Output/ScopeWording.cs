using System.Globalization;
using PciZone.Estate;
using PciZone.Scope.Result;

namespace PciZone.Scope.Output;

/// <summary>The words every scope writer uses for categories, verdicts, hops and sources, so the formats agree.</summary>
internal static class ScopeWording
{
    /// <summary>The categories in report order.</summary>
    public static readonly ScopeCategory[] Categories =
        [ScopeCategory.Cde, ScopeCategory.ConnectedTo, ScopeCategory.SecurityImpacting, ScopeCategory.OutOfScope];

    /// <summary>The verdicts in report order.</summary>
    public static readonly FlowVerdict[] Verdicts = [FlowVerdict.Reachable, FlowVerdict.Blocked, FlowVerdict.Unknown];

    /// <summary>The machine word: <c>cde</c>, <c>connected-to</c>, <c>security-impacting</c>, <c>out-of-scope</c>.</summary>
    public static string Category(ScopeCategory category) => category switch
    {
        ScopeCategory.Cde => "cde",
        ScopeCategory.ConnectedTo => "connected-to",
        ScopeCategory.SecurityImpacting => "security-impacting",
        ScopeCategory.OutOfScope => "out-of-scope",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The heading for people.</summary>
    public static string CategoryHeading(ScopeCategory category) => category switch
    {
        ScopeCategory.Cde => "CDE",
        ScopeCategory.ConnectedTo => "Connected-to",
        ScopeCategory.SecurityImpacting => "Security-impacting",
        ScopeCategory.OutOfScope => "Out of scope",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static string Verdict(FlowVerdict verdict) => verdict switch
    {
        FlowVerdict.Reachable => "reachable",
        FlowVerdict.Blocked => "blocked",
        FlowVerdict.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary><c>main.tf:12</c>, <c>plan.json</c> when there is no line, or empty when nobody wrote it down.</summary>
    public static string Location(Provenance source) =>
        source.File.Length == 0 ? ""
        : source.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{source.File}:{source.Line}")
        : source.File;

    /// <summary>One hop on one line: <c>sg-egress  aws_security_group.app  egress tcp/443 to 0.0.0.0/0  (main.tf:12)</c>.</summary>
    public static string Hop(Hop hop)
    {
        var location = Location(hop.Source);
        var text = $"{hop.Kind}  {hop.Component}  {hop.Entry}";
        return Flatten(location.Length == 0 ? text : $"{text}  ({location})");
    }

    /// <summary>VPC and subnets of a system: <c>aws_vpc.main / aws_subnet.a, aws_subnet.b</c>, or <c>-</c>.</summary>
    public static string Placement(ScopeSystem system)
    {
        var subnets = string.Join(", ", system.Subnets.Order(StringComparer.Ordinal));
        return (system.Vpc, subnets.Length) switch
        {
            (null, 0) => "-",
            (null, _) => subnets,
            (_, 0) => system.Vpc,
            _ => $"{system.Vpc} / {subnets}",
        };
    }

    /// <summary>
    /// Control characters (line breaks, tabs, terminal escapes) become spaces, so no value from the
    /// scanned code can break a line of plain-text output or drive the terminal.
    /// </summary>
    public static string Flatten(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = char.IsControl(t[i]) ? ' ' : t[i];
            }
        });
    }
}
