using PciZone.Estate;

namespace PciZone.Rules.Aws;

/// <summary>
/// Estate lookups that rules make once per resource, answered from indexes built once per estate
/// (<see cref="AwsEstate.Memo{T}"/>) so that a scan stays linear in the estate's size.
/// </summary>
internal static class EstateIndex
{
    /// <summary>
    /// The same answer as <see cref="AwsEstate.Resolve{T}"/> with a literal key, without scanning every
    /// resource of the type for each literal: the first resource in estate order whose key equals the
    /// literal wins, as in the scan. <paramref name="indexKey"/> names <paramref name="literalKey"/> for
    /// the memo and must always go with the same function.
    /// </summary>
    public static T? Resolve<T>(AwsEstate estate, ResourceRef? reference, string indexKey, Func<T, string?> literalKey)
        where T : Resource
    {
        if (reference is null)
        {
            return null;
        }

        if (reference.Address is not null && estate.Find(reference.Address) is T t)
        {
            return t;
        }

        return reference.Literal is { } literal
            ? estate.Memo(indexKey, e => ByKey(e, literalKey)).GetValueOrDefault(literal)
            : null;
    }

    private static Dictionary<string, T> ByKey<T>(AwsEstate estate, Func<T, string?> key)
        where T : Resource
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var r in estate.OfType<T>())
        {
            if (key(r) is { } k)
            {
                index.TryAdd(k, r);
            }
        }

        return index;
    }
}
