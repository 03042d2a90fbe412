using YamlDotNet.RepresentationModel;

namespace PciZone.Monitoring.RuleFormat;

/// <summary>The modifiers after a field path (<c>|contains|all</c>), checked for the combinations the subset allows.</summary>
internal sealed class Modifiers
{
    public StringMode Mode { get; private set; }

    public bool All { get; private set; }

    public bool Regex { get; private set; }

    public bool Cidr { get; private set; }

    public bool Expand { get; private set; }

    public bool Exists { get; private set; }

    public static Modifiers? Parse(YamlErrors e, YamlNode keyNode, ReadOnlySpan<string> names)
    {
        var result = new Modifiers();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kinds = 0;
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                e.Add(keyNode, $"modifier '|{name}' is given twice");
                return null;
            }

            switch (name)
            {
                case "contains": result.Mode = StringMode.Contains; kinds++; break;
                case "startswith": result.Mode = StringMode.StartsWith; kinds++; break;
                case "endswith": result.Mode = StringMode.EndsWith; kinds++; break;
                case "re": result.Regex = true; kinds++; break;
                case "cidr": result.Cidr = true; kinds++; break;
                case "all": result.All = true; break;
                case "expand": result.Expand = true; break;
                case "exists": result.Exists = true; break;
                default:
                    e.Add(keyNode, $"unsupported modifier '|{name}' (supported: contains, startswith, endswith, re, all, cidr, expand, exists)");
                    return null;
            }
        }

        if (kinds > 1)
        {
            e.Add(keyNode, "only one of |contains, |startswith, |endswith, |re, |cidr may be given");
            return null;
        }

        if (result.Exists && names.Length > 1)
        {
            e.Add(keyNode, "|exists takes no other modifier");
            return null;
        }

        return result;
    }
}
