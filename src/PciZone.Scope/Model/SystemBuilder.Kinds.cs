using PciZone.Estate;
using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Model;

internal sealed partial class SystemBuilder
{
    private static readonly Range AnyAddress = Range.All(uint.MaxValue);

    private void Databases()
    {
        var clusterHasInstances = new HashSet<string>(StringComparer.Ordinal);
        foreach (var db in network.Estate.OfType<RdsInstance>())
        {
            var cluster = db.Cluster.GetOrDefault()?.Address is { } c ? network.Estate.Find(c) as RdsCluster : null;
            if (cluster is not null)
            {
                clusterHasInstances.Add(cluster.Address);
            }

            var groups = cluster is not null && db.VpcSecurityGroups.GetOrDefault() is null or { Count: 0 } ? cluster.VpcSecurityGroups : db.VpcSecurityGroups;
            var subnetGroup = db.SubnetGroup.GetOrDefault() is null && cluster is not null ? cluster.SubnetGroup : db.SubnetGroup;
            var sys = NewSystem(db);
            foreach (var subnet in SubnetsOfGroup(subnetGroup))
            {
                var att = Attach(sys, subnet, null, groups);
                (att.Public, att.PublicBecause) = PublicFlag(db.PubliclyAccessible, "publicly_accessible");
            }
        }

        foreach (var cluster in network.Estate.OfType<RdsCluster>())
        {
            if (clusterHasInstances.Contains(cluster.Address))
            {
                continue;
            }

            var sys = NewSystem(cluster);
            foreach (var subnet in SubnetsOfGroup(cluster.SubnetGroup))
            {
                var att = Attach(sys, subnet, null, cluster.VpcSecurityGroups);
                (att.Public, att.PublicBecause) = (Tri.No, "a cluster without instances in the estate has no public address");
            }
        }
    }

    private IEnumerable<SubnetNode> SubnetsOfGroup(Value<ResourceRef?> group)
    {
        if (group.GetOrDefault()?.Address is { } addr && network.Estate.Find(addr) is DbSubnetGroup g)
        {
            foreach (var s in g.Subnets.GetOrDefault() ?? [])
            {
                if (network.SubnetOf(s) is { } node)
                {
                    yield return node;
                }
            }
        }
    }

    private static (Tri, string) PublicFlag(Value<bool> flag, string attribute) =>
        flag.TryGet(out var v)
            ? (v ? Tri.Yes : Tri.No, $"{attribute} = {v.ToString().ToLowerInvariant()}")
            : (Tri.Unknown, $"{attribute} is not known until apply");

    private void Serverless()
    {
        foreach (var fn in network.Estate.OfType<LambdaFunction>())
        {
            var subnets = fn.VpcSubnets.GetOrDefault() ?? [];
            if (subnets.Count == 0)
            {
                continue;
            }

            var sys = NewSystem(fn);
            sys.AcceptsInbound = false;
            foreach (var s in subnets)
            {
                if (network.SubnetOf(s) is { } node)
                {
                    var att = Attach(sys, node, null, fn.VpcSecurityGroups);
                    (att.Public, att.PublicBecause) = (Tri.No, "Lambda interfaces never get public addresses");
                }
            }
        }

        foreach (var svc in network.Estate.OfType<EcsService>())
        {
            var subnets = svc.Subnets.GetOrDefault() ?? [];
            var sys = subnets.Count > 0 ? NewSystem(svc) : null;
            foreach (var s in subnets)
            {
                if (sys is not null && network.SubnetOf(s) is { } node)
                {
                    var att = Attach(sys, node, null, svc.SecurityGroups);
                    (att.Public, att.PublicBecause) = PublicFlag(svc.AssignPublicIp, "assign_public_ip");
                }
            }
        }

        foreach (var eks in network.Estate.OfType<EksCluster>())
        {
            var sys = NewSystem(eks);
            sys.PublicEndpointCidrs = eks.EndpointPublicAccess.GetOrDefault(true) ? eks.PublicAccessCidrs : null;
            sys.Listens = Traffic.Flow(AnyAddress, AnyAddress, "tcp", 443, 443);
            foreach (var s in eks.Subnets.GetOrDefault() ?? [])
            {
                if (network.SubnetOf(s) is { } node)
                {
                    var att = Attach(sys, node, null, eks.SecurityGroups);
                    (att.Public, att.PublicBecause) = (Tri.No, "EKS control-plane interfaces are private; the public endpoint is separate");
                }
            }
        }
    }

    private void Gateways()
    {
        foreach (var nat in network.Estate.OfType<NatGateway>())
        {
            if (network.SubnetOf(nat.Subnet.GetOrDefault()) is not { } node)
            {
                continue;
            }

            NatSubnets[nat.Address] = node;
            var sys = NewSystem(nat);
            sys.AcceptsInbound = false;
            sys.Initiates = false;
            sys.IsNetworkComponent = true;
            var att = Attach(sys, node, null, Value.Of<IReadOnlyList<ResourceRef>>([], nat.Provenance));
            att.Filtered = false;
            att.Groups.Clear();
            att.GroupsUnknown = false;
            (att.Public, att.PublicBecause) = (Tri.No, "a NAT gateway accepts no inbound connections");
        }

        foreach (var ep in network.Estate.OfType<VpcEndpoint>())
        {
            if (!string.Equals(ep.EndpointType.GetOrDefault("Gateway"), "Interface", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var sys = NewSystem(ep);
            sys.IsNetworkComponent = true;
            sys.Listens = Traffic.Flow(AnyAddress, AnyAddress, "tcp", 443, 443);
            foreach (var s in ep.Subnets.GetOrDefault() ?? [])
            {
                if (network.SubnetOf(s) is { } node)
                {
                    var att = Attach(sys, node, null, ep.SecurityGroups);
                    (att.Public, att.PublicBecause) = (Tri.No, "interface endpoints are private");
                }
            }
        }
    }
}
