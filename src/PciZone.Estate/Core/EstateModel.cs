using System.Runtime.CompilerServices;

namespace PciZone.Estate;

/// <summary>
/// The whole estate that readers produced: typed resources from every input, looked up by type and
/// address. Immutable once built; rules only read it.
/// </summary>
public sealed class AwsEstate
{
    private readonly Dictionary<string, Resource> _byAddress;
    private readonly Dictionary<Type, Array> _byType;
    private readonly Dictionary<string, object> _memo = new(StringComparer.Ordinal);

    /// <summary>Builds an estate from resources; addresses must be unique.</summary>
    // Runs once per scan over every resource: without this the tiered JIT keeps it in unoptimised
    // tier-0 code with on-stack replacement for the loops for the first thirty scans of a process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AwsEstate(IEnumerable<Resource> resources)
    {
        var list = resources.ToList();
        _byAddress = new Dictionary<string, Resource>(list.Count, StringComparer.Ordinal);
        foreach (var r in list)
        {
            _byAddress[r.Address] = r;
        }

        Resources = list;
        // Each type's resources in address order (stable for equal addresses): rules that walk one type
        // then yield findings already in the order reports want, and the engine's per-rule sort becomes a
        // linear check instead of 284 sorts of up to 6,400 findings each.
        _byType = list.GroupBy(r => r.GetType())
            .ToDictionary(g => g.Key, g => ToTypedArray(g.Key, g.OrderBy(r => r.Address, StringComparer.Ordinal)));
    }

    /// <summary>An estate with nothing in it.</summary>
    public static AwsEstate Empty { get; } = new([]);

    /// <summary>All resources, in reader order.</summary>
    public IReadOnlyList<Resource> Resources { get; }

    /// <summary>Resources of one type, in address order (ordinal).</summary>
    public IReadOnlyList<T> OfType<T>()
        where T : Resource =>
        _byType.TryGetValue(typeof(T), out var a) ? (T[])a : [];

    /// <summary>The resource at an address, or null.</summary>
    public Resource? Find(string address) => _byAddress.GetValueOrDefault(address);

    /// <summary>
    /// Resolves a reference to a resource of type <typeparamref name="T"/>: by estate address, else
    /// by a literal that equals a resource's name or id as the resolver reports it.
    /// </summary>
    public T? Resolve<T>(ResourceRef? reference, Func<T, string?>? literalKey = null)
        where T : Resource
    {
        if (reference is null)
        {
            return null;
        }

        if (reference.Address is not null && _byAddress.TryGetValue(reference.Address, out var r) && r is T t)
        {
            return t;
        }

        if (reference.Literal is not null && literalKey is not null)
        {
            foreach (var candidate in OfType<T>())
            {
                if (string.Equals(literalKey(candidate), reference.Literal, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A value derived from the whole estate, computed once per estate and kept (an index such as
    /// "flow logs by VPC"). Rules that compare every resource with every other one use this to stay
    /// linear. The key names the derivation; the same key must always mean the same function.
    /// Not thread-safe: the engine runs rules one after another over an estate.
    /// </summary>
    public T Memo<T>(string key, Func<AwsEstate, T> build)
        where T : class
    {
        if (_memo.TryGetValue(key, out var cached))
        {
            return (T)cached;
        }

        var value = build(this);
        _memo[key] = value;
        return value;
    }

    /// <summary>A sub-estate of the resources whose address starts with <paramref name="prefix"/>.</summary>
    public AwsEstate WithAddressPrefix(string prefix) =>
        new(Resources.Where(r => r.Address.StartsWith(prefix, StringComparison.Ordinal)));

    private static Array ToTypedArray(Type type, IEnumerable<Resource> items)
    {
        var src = items.ToArray();
        var arr = Array.CreateInstance(type, src.Length);
        Array.Copy(src, arr, src.Length);
        return arr;
    }
}
