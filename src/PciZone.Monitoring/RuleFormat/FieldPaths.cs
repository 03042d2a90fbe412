using System.Text.RegularExpressions;

namespace PciZone.Monitoring.RuleFormat;

/// <summary>Dotted field paths, each segment a property name optionally followed by <c>[]</c>.</summary>
internal static partial class FieldPaths
{
    public static bool IsValid(string path) => Path().IsMatch(path);

    [GeneratedRegex(@"^[A-Za-z0-9_\-:@$]+(\[\])?(\.[A-Za-z0-9_\-:@$]+(\[\])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Path();
}
