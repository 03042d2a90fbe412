using PciZone.Estate;
using PciZone.Scope.Model;

namespace PciZone.Scope.Classify;

/// <summary>
/// Picks systems. Forms: <c>tag:KEY=VALUE</c> (on the system, its subnet or its VPC),
/// <c>subnet:PATTERN</c>, <c>sg:PATTERN</c>, <c>vpc:PATTERN</c> (estate addresses, <c>*</c> wildcards),
/// <c>account:PATTERN</c> (the plan or template file the system was read from: one per account),
/// and a bare PATTERN or <c>address:PATTERN</c> for the system's own address.
/// </summary>
public sealed class Selector
{
    private readonly string _kind;
    private readonly string _pattern;
    private readonly string? _value;

    private Selector(string text, string kind, string pattern, string? value)
    {
        Text = text;
        _kind = kind;
        _pattern = pattern;
        _value = value;
    }

    /// <summary>The selector as written.</summary>
    public string Text { get; }

    /// <summary>Parses a selector; a <see cref="FormatException"/> names what is wrong.</summary>
    public static Selector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? text[..colon].ToLowerInvariant() : "address";
        var rest = colon > 0 ? text[(colon + 1)..] : text;
        switch (kind)
        {
            case "tag":
                var eq = rest.LastIndexOf('=');
                if (eq <= 0)
                {
                    throw new FormatException($"selector '{text}': a tag selector is tag:KEY=VALUE");
                }

                return new Selector(text, kind, rest[..eq], rest[(eq + 1)..]);
            case "subnet" or "sg" or "vpc" or "account" or "address":
                return rest.Length == 0 ? throw new FormatException($"selector '{text}': the pattern is empty") : new Selector(text, kind, rest, null);
            default:
                // Addresses such as module.x.aws_instance.y contain no colon; anything else with one is a typo.
                throw new FormatException($"selector '{text}': unknown kind '{kind}' (use tag:, subnet:, sg:, vpc:, account: or address:)");
        }
    }

    /// <summary>
    /// False only when the selector certainly matches nothing in the estate: a tag selector whose tag no
    /// resource carries (a system matches through its own, its subnet's or its VPC's tags).
    /// </summary>
    internal bool CouldMatchAny(AwsEstate estate)
    {
        if (_kind != "tag")
        {
            return true;
        }

        foreach (var r in estate.Resources)
        {
            if (TagMatch(r.Tags))
            {
                return true;
            }
        }

        return false;
    }

    internal bool Matches(SystemNode s)
    {
        return _kind switch
        {
            "tag" => TagMatch(s.Resource.Tags) || s.Attachments.Any(a => TagMatch(a.Subnet.Tags) || (a.Subnet.Vpc is { } v && TagMatch(v.Resource.Tags))),
            "subnet" => s.Attachments.Any(a => Wildcard.Matches(_pattern, a.Subnet.Address)),
            "sg" => s.Attachments.Any(a => a.Groups.Any(g => Wildcard.Matches(_pattern, g.Address))),
            "vpc" => s.Attachments.Any(a => a.Subnet.Vpc is { } v && Wildcard.Matches(_pattern, v.Address)),
            "account" => Wildcard.Matches(_pattern, s.Resource.Provenance.File) || Wildcard.Matches("*" + _pattern + "*", s.Resource.Provenance.File),
            _ => Wildcard.Matches(_pattern, s.Address),
        };
    }

    private bool TagMatch(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(_pattern, out var v) && string.Equals(v, _value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => Text;
}
