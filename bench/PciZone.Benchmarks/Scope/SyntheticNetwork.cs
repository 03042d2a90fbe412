using System.Globalization;
using PciZone.Estate;

namespace PciZone.Benchmarks.Scope;

/// <summary>
/// A synthetic estate for the scope benchmark: 20 VPCs of 50 /24 subnets (1,000 subnets) on one
/// transit gateway with per-segment route tables, three ACLs per VPC, 250 security groups per VPC
/// (5,000) whose ingress rules mix group references (60%), subnet blocks (30%) and VPC blocks (10%),
/// and 20,000 interfaces with one or two groups each. Four VPCs are CDE-tagged. Deterministic (seeded).
/// </summary>
public static class SyntheticNetwork
{
    public const int DefaultVpcs = 20;
    public const int SubnetsPerVpc = 50;
    public const int GroupsPerVpc = 250;
    public const int InterfacesPerSubnet = 20;

    public static AwsEstate Build(int vpcs = DefaultVpcs, int seed = 42)
    {
        var rnd = new Random(seed);
        var p = new Provenance("synthetic", 0, "");
        var list = new List<Resource>();
        var tgw = new TransitGateway { Address = "tgw", SourceType = "aws_ec2_transit_gateway", Provenance = p,
            DefaultRouteTableAssociation = Value.Of(true, p), DefaultRouteTablePropagation = Value.Of(true, p) };
        list.Add(tgw);
        for (var v = 0; v < vpcs; v++)
        {
            var cde = v < 4;
            var vpc = $"vpc{v}";
            var tags = cde ? new Dictionary<string, string> { ["pcizone:cde"] = "true" } : new Dictionary<string, string>();
            list.Add(new Vpc { Address = vpc, SourceType = "aws_vpc", Provenance = p, Tags = tags, CidrBlock = Value.Of<string?>($"10.{v}.0.0/16", p) });
            list.Add(new InternetGateway { Address = $"igw{v}", SourceType = "aws_internet_gateway", Provenance = p, Vpc = Ref(vpc, p) });
            list.Add(new NatGateway { Address = $"nat{v}", SourceType = "aws_nat_gateway", Provenance = p, Subnet = Ref($"{vpc}-s0", p), ConnectivityType = Value.Of("public", p) });
            list.Add(new TransitGatewayVpcAttachment { Address = $"att{v}", SourceType = "aws_ec2_transit_gateway_vpc_attachment", Provenance = p,
                TransitGateway = Ref("tgw", p), Vpc = Ref(vpc, p), Subnets = Value.Of<IReadOnlyList<ResourceRef>>([ResourceRef.To($"{vpc}-s1")], p),
                DefaultRouteTableAssociation = Value.Of(true, p), DefaultRouteTablePropagation = Value.Of(true, p) });
            Tables(list, vpc, v, p);
            Acls(list, vpc, v, p);
            var groups = Groups(list, vpc, v, rnd, p);
            for (var s = 0; s < SubnetsPerVpc; s++)
            {
                var subnet = $"{vpc}-s{s}";
                list.Add(new Subnet { Address = subnet, SourceType = "aws_subnet", Provenance = p, Vpc = Ref(vpc, p),
                    CidrBlock = Value.Of<string?>($"10.{v}.{s}.0/24", p), MapPublicIpOnLaunch = Value.Of(s < 2, p) });
                for (var i = 0; i < InterfacesPerSubnet; i++)
                {
                    var sgs = new List<ResourceRef> { ResourceRef.To(groups[rnd.Next(groups.Count)]) };
                    if (rnd.Next(3) == 0)
                    {
                        sgs.Add(ResourceRef.To(groups[rnd.Next(groups.Count)]));
                    }

                    list.Add(new NetworkInterface { Address = $"{subnet}-eni{i}", SourceType = "aws_network_interface", Provenance = p,
                        Subnet = Ref(subnet, p), SecurityGroups = Value.Of<IReadOnlyList<ResourceRef>>(sgs, p),
                        PrivateIps = Value.Of<IReadOnlyList<string>>([string.Create(CultureInfo.InvariantCulture, $"10.{v}.{s}.{10 + i}")], p),
                        AttachedInstance = Value.Of<ResourceRef?>(null, p), SourceDestCheck = Value.Of(true, p) });
                }
            }
        }

        return new AwsEstate(list);
    }

    private static Value<ResourceRef?> Ref(string address, Provenance p) => Value.Of<ResourceRef?>(ResourceRef.To(address), p);

    private static void Tables(List<Resource> list, string vpc, int v, Provenance p)
    {
        var subnets = Enumerable.Range(0, SubnetsPerVpc).Select(s => Ref($"{vpc}-s{s}", p)).ToList();
        list.Add(new RouteTable { Address = $"{vpc}-rt-public", SourceType = "aws_route_table", Provenance = p, Vpc = Ref(vpc, p),
            Routes = [new Route(Value.Of<string?>("0.0.0.0/0", p), Value.Of<string?>(null, p), Value.Of<string?>(null, p), RouteTargetKind.InternetGateway, Ref($"igw{v}", p), p)],
            SubnetAssociations = subnets.Take(2).ToList() });
        list.Add(new RouteTable { Address = $"{vpc}-rt-private", SourceType = "aws_route_table", Provenance = p, Vpc = Ref(vpc, p),
            Routes =
            [
                new Route(Value.Of<string?>("0.0.0.0/0", p), Value.Of<string?>(null, p), Value.Of<string?>(null, p), RouteTargetKind.NatGateway, Ref($"nat{v}", p), p),
                new Route(Value.Of<string?>("10.0.0.0/8", p), Value.Of<string?>(null, p), Value.Of<string?>(null, p), RouteTargetKind.TransitGateway, Ref("tgw", p), p),
            ],
            SubnetAssociations = subnets.Skip(2).ToList() });
    }

    private static void Acls(List<Resource> list, string vpc, int v, Provenance p)
    {
        var entries = new List<NetworkAclEntry>();
        var n = 100;
        foreach (var (egress, proto, cidr, from, to, action) in new[]
        {
            (false, "tcp", "10.99.0.0/16", 0, 65535, "deny"), (false, "tcp", "10.0.0.0/8", 22, 22, "allow"), (false, "tcp", "10.0.0.0/8", 443, 443, "allow"),
            (false, "tcp", "10.0.0.0/8", 5432, 5432, "allow"), (false, "tcp", "0.0.0.0/0", 1024, 65535, "allow"), (false, "udp", "10.0.0.0/8", 53, 53, "allow"),
            (true, "tcp", "0.0.0.0/0", 443, 443, "allow"), (true, "tcp", "10.0.0.0/8", 0, 65535, "allow"), (true, "udp", "10.0.0.0/8", 53, 53, "allow"),
            (true, "tcp", "0.0.0.0/0", 1024, 65535, "allow"),
        })
        {
            entries.Add(new NetworkAclEntry(Value.Of(n, p), egress, Value.Of(proto, p), Value.Of(action, p), Value.Of<string?>(cidr, p), Value.Of<string?>(null, p), Value.Of(from, p), Value.Of(to, p), p));
            n += 10;
        }

        list.Add(new NetworkAcl { Address = $"{vpc}-acl", SourceType = "aws_network_acl", Provenance = p, Vpc = Ref(vpc, p),
            Subnets = Enumerable.Range(2, SubnetsPerVpc - 2).Select(s => Ref($"{vpc}-s{s}", p)).ToList(), Entries = entries });
    }

    private static List<string> Groups(List<Resource> list, string vpc, int v, Random rnd, Provenance p)
    {
        var names = Enumerable.Range(0, GroupsPerVpc).Select(g => $"{vpc}-sg{g}").ToList();
        foreach (var name in names)
        {
            var ingress = new List<SecurityGroupRule>();
            for (var r = 0; r < 3; r++)
            {
                var roll = rnd.Next(10);
                var port = new[] { 22, 443, 5432, 8080 }[rnd.Next(4)];
                var cidrs = roll switch
                {
                    < 6 => [],
                    < 9 => [$"10.{v}.{rnd.Next(SubnetsPerVpc)}.0/24"],
                    _ => new[] { $"10.{v}.0.0/16" },
                };
                IReadOnlyList<ResourceRef> refs = roll < 6 ? [ResourceRef.To(names[rnd.Next(names.Count)])] : [];
                ingress.Add(new SecurityGroupRule(Value.Of("tcp", p), Value.Of(port, p), Value.Of(port, p), Value.Of<IReadOnlyList<string>>(cidrs, p),
                    Value.Of<IReadOnlyList<string>>([], p), Value.Of<IReadOnlyList<string>>([], p), Value.Of(refs, p), false, null, p));
            }

            var egress = new SecurityGroupRule(Value.Of("-1", p), Value.Of(0, p), Value.Of(65535, p), Value.Of<IReadOnlyList<string>>(["0.0.0.0/0"], p),
                Value.Of<IReadOnlyList<string>>([], p), Value.Of<IReadOnlyList<string>>([], p), Value.Of<IReadOnlyList<ResourceRef>>([], p), false, null, p);
            list.Add(new SecurityGroup { Address = name, SourceType = "aws_security_group", Provenance = p, Vpc = Ref(vpc, p),
                Name = Value.Of<string?>(name, p), Ingress = ingress, Egress = [egress] });
        }

        return names;
    }
}
