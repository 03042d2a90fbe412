using System.Text;
using PciZone.Monitoring.Records;

namespace PciZone.Monitoring.Detection;

/// <summary>
/// The pre-filter: rules that can only match certain eventName values are indexed by them, rules pinned
/// only by eventSource by that, and the rest are tried on every record.
/// </summary>
internal sealed class RuleIndex
{
    private readonly Dictionary<string, CompiledRule[]>.AlternateLookup<ReadOnlySpan<char>> _byName;
    private readonly Dictionary<string, CompiledRule[]>.AlternateLookup<ReadOnlySpan<char>> _bySource;

    public RuleIndex(IReadOnlyList<CompiledRule> rules)
    {
        var byName = new Dictionary<string, List<CompiledRule>>(StringComparer.OrdinalIgnoreCase);
        var bySource = new Dictionary<string, List<CompiledRule>>(StringComparer.OrdinalIgnoreCase);
        var always = new List<CompiledRule>();
        foreach (var rule in rules)
        {
            var names = RuleCompiler.RequiredValues(rule.Definition, "eventName");
            var sources = names is null ? RuleCompiler.RequiredValues(rule.Definition, "eventSource") : null;
            var target = names is not null ? byName : sources is not null ? bySource : null;
            if (target is null)
            {
                always.Add(rule);
                continue;
            }

            foreach (var value in names ?? sources!)
            {
                if (!target.TryGetValue(value, out var list))
                {
                    target[value] = list = [];
                }

                list.Add(rule);
            }
        }

        _byName = Freeze(byName).GetAlternateLookup<ReadOnlySpan<char>>();
        _bySource = Freeze(bySource).GetAlternateLookup<ReadOnlySpan<char>>();
        Always = [.. always];
    }

    /// <summary>Rules tried on every record.</summary>
    public CompiledRule[] Always { get; }

    /// <summary>Rules pinned to this record's eventName.</summary>
    public CompiledRule[] ForName(ReadOnlySpan<byte> eventName) => Find(_byName, eventName);

    /// <summary>Rules pinned (only) to this record's eventSource.</summary>
    public CompiledRule[] ForSource(ReadOnlySpan<byte> eventSource) => Find(_bySource, eventSource);

    private static CompiledRule[] Find(Dictionary<string, CompiledRule[]>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<byte> key)
    {
        if (lookup.Dictionary.Count == 0 || key.Length > 256)
        {
            return [];
        }

        Span<char> chars = stackalloc char[256];
        var n = Encoding.UTF8.GetChars(key, chars);
        return lookup.TryGetValue(chars[..n], out var rules) ? rules : [];
    }

    private static Dictionary<string, CompiledRule[]> Freeze(Dictionary<string, List<CompiledRule>> source)
    {
        var result = new Dictionary<string, CompiledRule[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, list) in source)
        {
            result[key] = [.. list];
        }

        return result;
    }
}
