using PciZone.Estate;
using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Model;

/// <summary>
/// Finds the systems of the estate and their attachments: instances (with their extra interfaces and
/// elastic IPs), standalone interfaces, load balancers (with listeners and targets), databases,
/// functions in a VPC, ECS services, EKS clusters, interface endpoints and NAT gateways.
/// </summary>
internal sealed partial class SystemBuilder(Network network)
{
    private readonly List<SystemNode> _systems = [];
    private readonly List<Attachment> _attachments = [];
    private readonly Dictionary<string, SystemNode> _byAddress = new(StringComparer.Ordinal);

    public IReadOnlyList<SystemNode> Systems => _systems;

    public IReadOnlyList<Attachment> Attachments => _attachments;

    public IReadOnlyDictionary<string, SystemNode> ByAddress => _byAddress;

    /// <summary>NAT gateway address → its subnet.</summary>
    public Dictionary<string, SubnetNode> NatSubnets { get; } = new(StringComparer.Ordinal);

    public SystemBuilder Build()
    {
        var eips = ElasticIps();
        var enisByInstance = new Dictionary<string, List<NetworkInterface>>(StringComparer.Ordinal);
        var attachedEnis = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in network.Estate.OfType<Ec2Instance>())
        {
            foreach (var r in i.NetworkInterfaces.GetOrDefault() ?? [])
            {
                if (r.Address is { } a)
                {
                    attachedEnis.Add(a);
                    Add(enisByInstance, i.Address, network.Estate.Find(a) as NetworkInterface);
                }
            }
        }

        foreach (var eni in network.Estate.OfType<NetworkInterface>())
        {
            if (eni.AttachedInstance.GetOrDefault()?.Address is { } inst && !attachedEnis.Contains(eni.Address))
            {
                attachedEnis.Add(eni.Address);
                Add(enisByInstance, inst, eni);
            }
        }

        foreach (var i in network.Estate.OfType<Ec2Instance>())
        {
            Instance(i, enisByInstance.GetValueOrDefault(i.Address) ?? [], eips);
        }

        foreach (var eni in network.Estate.OfType<NetworkInterface>())
        {
            if (!attachedEnis.Contains(eni.Address))
            {
                var sys = NewSystem(eni);
                Interface(sys, eni, eips);
            }
        }

        Databases();
        Serverless();
        Gateways();
        LoadBalancers();
        return this;
    }

    private void Instance(Ec2Instance i, List<NetworkInterface> enis, Dictionary<string, string> eips)
    {
        var sys = NewSystem(i);
        if (network.SubnetOf(i.Subnet.GetOrDefault()) is { } subnet)
        {
            var att = Attach(sys, subnet, i.PrivateIp.GetOrDefault(), i.SecurityGroups);
            (att.Public, att.PublicBecause) = eips.TryGetValue(i.Address, out var eip)
                ? (Tri.Yes, $"elastic IP {eip}")
                : PublicFrom(i.AssociatePublicIp, subnet, "associate_public_ip_address");
        }

        foreach (var eni in enis)
        {
            Interface(sys, eni, eips);
        }
    }

    private void Interface(SystemNode sys, NetworkInterface eni, Dictionary<string, string> eips)
    {
        if (network.SubnetOf(eni.Subnet.GetOrDefault()) is not { } subnet)
        {
            return;
        }

        var ip = eni.PrivateIps.GetOrDefault() is { Count: > 0 } ips ? ips[0] : null;
        var att = Attach(sys, subnet, ip, eni.SecurityGroups);
        (att.Public, att.PublicBecause) = eips.TryGetValue(eni.Address, out var eip)
            ? (Tri.Yes, $"elastic IP {eip}")
            : (Tri.No, "a network interface gets a public address only from an elastic IP");
    }

    private static (Tri, string) PublicFrom(Value<bool> flag, SubnetNode subnet, string attribute)
    {
        if (flag.TryGet(out var v))
        {
            return (v ? Tri.Yes : Tri.No, $"{attribute} = {v.ToString().ToLowerInvariant()}");
        }

        return subnet.Resource.MapPublicIpOnLaunch.TryGet(out var m)
            ? (m ? Tri.Yes : Tri.No, $"{subnet.Address} map_public_ip_on_launch = {m.ToString().ToLowerInvariant()}")
            : (Tri.Unknown, $"whether {subnet.Address} assigns public addresses is not known until apply");
    }

    private Dictionary<string, string> ElasticIps()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var eip in network.Estate.OfType<ElasticIp>())
        {
            if (eip.Instance.GetOrDefault()?.Address is { } i)
            {
                map[i] = eip.Address;
            }

            if (eip.NetworkInterface.GetOrDefault()?.Address is { } n)
            {
                map[n] = eip.Address;
            }
        }

        return map;
    }

    private SystemNode NewSystem(Resource r)
    {
        var sys = new SystemNode(r, _systems.Count);
        _systems.Add(sys);
        _byAddress[r.Address] = sys;
        return sys;
    }

    private Attachment Attach(SystemNode sys, SubnetNode subnet, string? ip, Value<IReadOnlyList<ResourceRef>> groups)
    {
        var att = new Attachment(sys, subnet, _attachments.Count);
        if (ip is not null && Cidr.TryParseAddress(ip, out var single))
        {
            att.Address = Range.Single(single);
            att.ExactAddress = true;
        }
        else
        {
            att.Address = subnet.Cidr ?? Range.All(uint.MaxValue);
        }

        if (!groups.TryGet(out var list))
        {
            att.GroupsUnknown = true;
        }
        else
        {
            foreach (var g in list)
            {
                if (g.Address is not null && network.Groups.TryGetValue(g.Address, out var sg))
                {
                    att.Groups.Add(sg);
                }
                else
                {
                    att.GroupsUnknown = true;
                }
            }

            if (list.Count == 0 && subnet.Vpc is { } vpc)
            {
                // No group named: AWS puts the interface in the VPC's default group.
                att.Groups.AddRange(vpc.DefaultGroups);

                att.GroupsUnknown = att.Groups.Count == 0;
            }
        }

        sys.Attachments.Add(att);
        _attachments.Add(att);
        return att;
    }

    private static void Add(Dictionary<string, List<NetworkInterface>> map, string key, NetworkInterface? eni)
    {
        if (eni is null)
        {
            return;
        }

        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(eni);
    }
}
