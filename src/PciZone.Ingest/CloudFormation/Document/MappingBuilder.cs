namespace PciZone.Ingest.CloudFormation;

/// <summary>
/// Collects the entries of one mapping while parsing, refusing what CloudFormation refuses: a key
/// written twice and a long-form <c>Fn::</c> key that names no function.
/// </summary>
internal struct MappingBuilder
{
    // Small mappings (nearly all property mappings) check duplicates by scanning; big ones
    // (Resources of a large stack) switch to a set so the check stays linear overall.
    private const int ScanLimit = 8;

    private List<CfnEntry>? _entries;
    private HashSet<string>? _keys;

    public void Add(string key, int line, int column, CfnNode value)
    {
        if (key.StartsWith("Fn::", StringComparison.Ordinal) && !Intrinsics.IsKnownFunctionKey(key))
        {
            throw new TemplateException(line, $"unknown intrinsic function {key}");
        }

        _entries ??= [];
        if (IsDuplicate(key))
        {
            throw new TemplateException(line, $"duplicate key '{key}'");
        }

        _entries.Add(new CfnEntry(key, line, column, value));
    }

    public readonly CfnNode Build(int line, int column) => CfnNode.Mapping(_entries ?? [], line, column);

    private bool IsDuplicate(string key)
    {
        if (_keys is not null)
        {
            return !_keys.Add(key);
        }

        foreach (var e in _entries!)
        {
            if (string.Equals(e.Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (_entries!.Count >= ScanLimit)
        {
            _keys = new HashSet<string>(_entries.Select(e => e.Key), StringComparer.Ordinal) { key };
        }

        return false;
    }
}
