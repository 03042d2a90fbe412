using PciZone.Estate;

namespace PciZone.Ingest;

/// <summary>
/// Parses each distinct policy text of one input once. Estates repeat policy documents (trust
/// policies, TLS-only bucket policies, key policies from one module), and parsed documents are
/// immutable, so resources may share them.
/// </summary>
internal sealed class PolicyCache
{
    private readonly Dictionary<string, (PolicyDocument? Document, string? Error)> _parsed = new(StringComparer.Ordinal);

    public (PolicyDocument? Document, string? Error) Parse(string text)
    {
        if (!_parsed.TryGetValue(text, out var result))
        {
            result = PolicyParser.TryParse(text, out var doc, out var error) ? (doc, null) : (null, error);
            _parsed[text] = result;
        }

        return result;
    }
}
