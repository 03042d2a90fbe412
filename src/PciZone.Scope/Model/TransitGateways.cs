using PciZone.Estate;
using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Model;

/// <summary>
/// Transit gateways: which route table each attachment is associated with, and each table's routes
/// (static ones and those propagated from attachments' VPCs) as longest-prefix lookups. The default
/// table, which Terraform does not declare as a resource, is built from the attachments that use it.
/// </summary>
internal sealed class TransitGateways
{
    private readonly Dictionary<string, Table> _byAttachment = new(StringComparer.Ordinal);

    public TransitGateways(Network network)
    {
        var attachments = network.Estate.OfType<TransitGatewayVpcAttachment>();
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var rt in network.Estate.OfType<TransitGatewayRouteTable>())
        {
            var t = new Table(rt.Address, rt);
            tables[rt.Address] = t;
            foreach (var a in rt.Associations)
            {
                if (a.GetOrDefault()?.Address is { } addr)
                {
                    _byAttachment[addr] = t;
                }
            }

            foreach (var r in rt.Routes)
            {
                if (r.DestinationCidr.GetOrDefault() is { } c && Cidr.TryParse(c, out var range))
                {
                    t.Add(range, r.Blackhole.GetOrDefault() ? null : Attachment(r.Attachment, attachments), r.Source, isStatic: true);
                }
                else
                {
                    t.Uncertain = $"a route's destination is not known until apply ({r.Source})";
                }
            }

            foreach (var p in rt.Propagations)
            {
                if (Attachment(p, attachments) is { } att)
                {
                    t.Propagate(att, network);
                }
            }
        }

        var defaults = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var att in attachments)
        {
            if (att.TransitGateway.GetOrDefault()?.Address is not { } tgwAddr)
            {
                continue;
            }

            var tgw = network.Estate.Find(tgwAddr) as TransitGateway;
            if (!defaults.TryGetValue(tgwAddr, out var def))
            {
                def = new Table($"{tgwAddr} (default route table)", null);
                defaults[tgwAddr] = def;
            }

            var gwAssociates = tgw?.DefaultRouteTableAssociation.GetOrDefault(true) ?? true;
            var gwPropagates = tgw?.DefaultRouteTablePropagation.GetOrDefault(true) ?? true;
            if (gwAssociates && att.DefaultRouteTableAssociation.GetOrDefault(true) && !_byAttachment.ContainsKey(att.Address))
            {
                _byAttachment[att.Address] = def;
            }

            if (gwPropagates && att.DefaultRouteTablePropagation.GetOrDefault(true))
            {
                def.Propagate(att, network);
            }
        }
    }

    /// <summary>The route table that routes traffic arriving from an attachment, or null (the attachment routes nowhere).</summary>
    public Table? TableFor(TransitGatewayVpcAttachment attachment) => _byAttachment.GetValueOrDefault(attachment.Address);

    private static TransitGatewayVpcAttachment? Attachment(Value<ResourceRef?> r, IReadOnlyList<TransitGatewayVpcAttachment> all)
    {
        var addr = r.GetOrDefault()?.Address;
        foreach (var a in all)
        {
            if (string.Equals(a.Address, addr, StringComparison.Ordinal))
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>A transit gateway route table as a longest-prefix lookup.</summary>
    internal sealed class Table(string address, TransitGatewayRouteTable? resource)
    {
        private readonly List<(Range Cidr, int Prefix, bool Static, TransitGatewayVpcAttachment? Target, Provenance Source)> _routes = [];
        private bool _sorted;

        public string Address { get; } = address;

        public TransitGatewayRouteTable? Resource { get; } = resource;

        public string? Uncertain { get; set; }

        public void Add(Range cidr, TransitGatewayVpcAttachment? target, Provenance source, bool isStatic)
        {
            _routes.Add((cidr, LongestPrefix.Of(cidr), isStatic, target, source));
            _sorted = false;
        }

        public void Propagate(TransitGatewayVpcAttachment att, Network network)
        {
            if (network.VpcOf(att.Vpc) is { } vpc)
            {
                foreach (var c in vpc.Cidrs)
                {
                    Add(c, att, att.Provenance, isStatic: false);
                }
            }
        }

        /// <summary>Splits a destination by winning route: (part, target attachment or null for blackhole, source); unrouted parts are left out.</summary>
        public List<(Range Part, TransitGatewayVpcAttachment? Target, Provenance Source, bool Static)> Resolve(Range destination)
        {
            if (!_sorted)
            {
                _routes.Sort((a, b) => a.Prefix != b.Prefix ? b.Prefix.CompareTo(a.Prefix) : b.Static.CompareTo(a.Static));
                _sorted = true;
            }

            return LongestPrefix.Partition(destination, _routes.Select(r => (r.Cidr, (r.Target, r.Source, r.Static))), out _)
                .ConvertAll(p => (p.Part, p.Route.Target, p.Route.Source, p.Route.Static));
        }
    }
}
