using PciZone.Estate;

namespace PciZone.Ingest;

/// <summary>
/// Joins and reading helpers shared by the network-path mappers of both formats: list appends that keep
/// Unknown honest, prefix-list references, the transit gateway's implied default route table, and the
/// replacement of accepter companions by the connection they accept.
/// </summary>
internal static class NetworkPathJoins
{
    /// <summary>Suffix of the route table a transit gateway implies when default association or propagation is on.</summary>
    public const string DefaultRouteTable = ".default_route_table";

    /// <summary>
    /// Prefix-list ids of a list attribute: the estate address when the input links a resource (a
    /// managed prefix list, or the gateway endpoint whose service list is named), else the literal id.
    /// </summary>
    public static Value<IReadOnlyList<string>> PrefixLists(this IResourceView r, string path) =>
        r.RefsOrEmpty(path).Map<IReadOnlyList<string>>(refs => refs.Select(Key).OfType<string>().ToList());

    /// <summary>One prefix-list id as <see cref="PrefixLists"/> reads a list: zero or one item.</summary>
    public static Value<IReadOnlyList<string>> PrefixListAsList(this IResourceView r, string path) =>
        r.RefOrNull(path).Map<IReadOnlyList<string>>(x => Key(x) is { Length: > 0 } k ? [k] : []);

    /// <summary>One prefix-list id as a route destination; null when absent or empty.</summary>
    public static Value<string?> PrefixList(this IResourceView r, string path) =>
        r.RefOrNull(path).Map(x => Key(x) is { Length: > 0 } k ? k : null);

    /// <summary>Appends references to a list; an unknown part makes the whole list unknown.</summary>
    public static Value<IReadOnlyList<ResourceRef>> Append(Value<IReadOnlyList<ResourceRef>> list, Value<IReadOnlyList<ResourceRef>> more)
    {
        if (list.IsUnknown)
        {
            return list;
        }

        return more.IsUnknown
            ? more
            : Value.Of<IReadOnlyList<ResourceRef>>([.. list.Get(), .. more.Get().Where(m => !list.Get().Contains(m))], list.Source);
    }

    /// <summary>Appends one reference to a list; an unknown reference makes the list unknown, a null one is ignored.</summary>
    public static Value<IReadOnlyList<ResourceRef>> Append(Value<IReadOnlyList<ResourceRef>> list, Value<ResourceRef?> item) =>
        Append(list, item.Map<IReadOnlyList<ResourceRef>>(x => x is null ? [] : [x]));

    /// <summary>A list of references, as <see cref="NetworkViewExtensions.RefsOrEmpty"/>, that drops empty literals.</summary>
    public static Value<IReadOnlyList<ResourceRef>> RefsNonEmpty(this IResourceView r, string path) =>
        r.RefsOrEmpty(path).Map<IReadOnlyList<ResourceRef>>(l => l.Where(x => x.Address is not null || !string.IsNullOrEmpty(x.Literal)).ToList());

    /// <summary>
    /// Replaces a reference to a companion (a Terraform <c>*_accepter</c> or <c>*_attachment</c>, whose id
    /// is the id of the resource it accepts or attaches) by the primary it was joined into, when that
    /// join has already happened. The other order is handled by <see cref="Rewrite"/>.
    /// </summary>
    public static Value<ResourceRef?> Canonical(IEstateBuilder e, Value<ResourceRef?> target)
    {
        if (target.GetOrDefault()?.Address is not { } address || !IsStandIn(address))
        {
            return target;
        }

        // Route tables also list the stand-in once Rewrite has run: they are not what it stands for.
        var primary = e.Existing<Resource>().FirstOrDefault(x =>
            x is not RouteTable and not TransitGatewayRouteTable && x.JoinedFrom.Contains(address, StringComparer.Ordinal));
        return primary is null ? target : Value.Of<ResourceRef?>(ResourceRef.To(primary.Address), target.Source);
    }

    /// <summary>Canonical form of each reference of a list.</summary>
    public static IReadOnlyList<Value<ResourceRef?>> Canonical(IEstateBuilder e, IReadOnlyList<Value<ResourceRef?>> targets) =>
        targets.Select(t => Canonical(e, t)).ToList();

    /// <summary>
    /// After a stand-in companion (<paramref name="standIn"/>) has joined <paramref name="primary"/>, points
    /// the routes of VPC and transit gateway route tables that were read earlier at the primary.
    /// </summary>
    public static void Rewrite(IEstateBuilder e, IResourceView standIn, string primary)
    {
        var from = standIn.Address;
        var to = ResourceRef.To(primary);
        Value<ResourceRef?> Swap(Value<ResourceRef?> v) =>
            v.GetOrDefault()?.Address == from ? Value.Of<ResourceRef?>(to, v.Source) : v;

        foreach (var table in e.Existing<RouteTable>().Where(t => t.Routes.Any(r => r.Target.GetOrDefault()?.Address == from)).Select(t => t.Address).ToList())
        {
            e.Join<RouteTable>(standIn, Value.Of<ResourceRef?>(ResourceRef.To(table), standIn.Provenance),
                t => t with { Routes = t.Routes.Select(r => r with { Target = Swap(r.Target) }).ToList() });
        }

        var tgwTables = e.Existing<TransitGatewayRouteTable>()
            .Where(t => t.Associations.Concat(t.Propagations).Concat(t.Routes.Select(r => r.Attachment)).Any(a => a.GetOrDefault()?.Address == from))
            .Select(t => t.Address).ToList();
        foreach (var table in tgwTables)
        {
            e.Join<TransitGatewayRouteTable>(standIn, Value.Of<ResourceRef?>(ResourceRef.To(table), standIn.Provenance), t => t with
            {
                Associations = t.Associations.Select(Swap).ToList(),
                Propagations = t.Propagations.Select(Swap).ToList(),
                Routes = t.Routes.Select(r => r with { Attachment = Swap(r.Attachment) }).ToList(),
            });
        }
    }

    /// <summary>
    /// The route table a transit-gateway companion names: a reference to the gateway itself (its
    /// <c>association_default_route_table_id</c>) means the gateway's implied default table.
    /// </summary>
    public static Value<ResourceRef?> TransitGatewayTable(IEstateBuilder e, Value<ResourceRef?> target)
    {
        if (target.GetOrDefault()?.Address is not { } address)
        {
            return target;
        }

        var implied = address + DefaultRouteTable;
        return e.Existing<TransitGatewayRouteTable>().Any(t => t.IsDefault && t.Address == implied)
            ? Value.Of<ResourceRef?>(ResourceRef.To(implied), target.Source)
            : target;
    }

    /// <summary>True when a resource of type <typeparamref name="T"/> exists at the reference's address.</summary>
    public static bool Exists<T>(IEstateBuilder e, Value<ResourceRef?> target)
        where T : Resource =>
        target.GetOrDefault()?.Address is { } address && e.Existing<T>().Any(x => x.Address == address);

    private static bool IsStandIn(string address) =>
        address.Contains("_accepter.", StringComparison.Ordinal) || address.Contains("_attachment.", StringComparison.Ordinal);

    private static string? Key(ResourceRef? r) => r?.Address ?? r?.Literal;
}
