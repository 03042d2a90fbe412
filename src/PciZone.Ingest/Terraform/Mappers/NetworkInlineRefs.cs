using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// References inside set-typed inline blocks: <c>route</c> of <c>aws_route_table</c>, <c>ingress</c> and
/// <c>egress</c> of <c>aws_security_group</c>. These are "attributes as blocks": the plan gives their
/// configuration only as one reference list for the whole attribute, and a value that references a
/// resource still to be created is unknown. A block's reference is then known only as "one of these";
/// it is exact when one block of the attribute is unknown, or when the attribute references one
/// resource of the wanted types. Otherwise it stays Unknown: a guess would pick one path of several.
/// </summary>
internal static class NetworkInlineRefs
{
    /// <summary>Estate addresses of the resources of <paramref name="types"/> that an inline attribute references.</summary>
    public static IReadOnlyList<string> Referenced(IResourceView parent, string attribute, IReadOnlyCollection<string> types)
    {
        var refs = parent.Refs(attribute);
        return refs.IsKnown
            ? refs.Get().Select(r => r.Address).OfType<string>().Where(a => types.Contains(TypeOf(a))).Distinct(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>
    /// A block's unknown reference list resolved from the attribute's references. <paramref name="unknownBlocks"/>
    /// counts the blocks of the attribute whose list is unknown, <paramref name="knownBlocks"/> those whose list
    /// is known and not empty (their references may be among the candidates too).
    /// </summary>
    public static Value<IReadOnlyList<ResourceRef>> Resolve(Value<IReadOnlyList<ResourceRef>> value, int unknownBlocks, int knownBlocks, IReadOnlyList<string> candidates) =>
        value.IsKnown || !Exact(unknownBlocks, knownBlocks, candidates)
            ? value
            : Value.Of<IReadOnlyList<ResourceRef>>(candidates.Select(ResourceRef.To).ToList(), value.Source);

    /// <summary>A block's unknown single reference, as the list form; several candidates never fit one reference.</summary>
    public static Value<ResourceRef?> Resolve(Value<ResourceRef?> value, IReadOnlyList<string> candidates) =>
        value.IsKnown || candidates.Count != 1 ? value : Value.Of<ResourceRef?>(ResourceRef.To(candidates[0]), value.Source);

    private static bool Exact(int unknownBlocks, int knownBlocks, IReadOnlyList<string> candidates) =>
        candidates.Count == 1 || (candidates.Count > 1 && unknownBlocks == 1 && knownBlocks == 0);

    /// <summary>The resource type of a plan address (<c>aws_vpc</c> of <c>module.m.aws_vpc.main["a"]</c>).</summary>
    public static string TypeOf(string address)
    {
        var core = address.EndsWith(']') ? address[..address.LastIndexOf('[')] : address;
        var lastDot = core.LastIndexOf('.');
        if (lastDot <= 0)
        {
            return "";
        }

        var typeStart = core.LastIndexOf('.', lastDot - 1) + 1;
        return core[typeStart..lastDot];
    }
}
