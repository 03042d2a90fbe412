using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>Security groups and network ACLs from a CloudFormation template, joined with their rule resources.</summary>
internal sealed class NetworkSecurityCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::EC2::SecurityGroup", Group);
        registry.Companion("AWS::EC2::SecurityGroupIngress", (r, e) =>
        {
            var rule = Rule(r, egress: false);
            e.Join<SecurityGroup>(r, GroupOf(r), g => g with { Ingress = [.. g.Ingress, rule] }, g => g.Name.GetOrDefault());
        });
        registry.Companion("AWS::EC2::SecurityGroupEgress", (r, e) =>
        {
            var rule = Rule(r, egress: true);
            e.Join<SecurityGroup>(r, r.Ref("GroupId"), g => g with { Egress = [.. g.Egress, rule] });
        });
        registry.Primary("AWS::EC2::NetworkAcl", (r, e) => e.Add(new NetworkAcl
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Vpc = r.Ref("VpcId"),
            IsDefault = false,
        }));
        registry.Companion("AWS::EC2::NetworkAclEntry", AclEntry);
        registry.Companion("AWS::EC2::SubnetNetworkAclAssociation", (r, e) =>
        {
            var subnet = r.Ref("SubnetId");
            e.Join<NetworkAcl>(r, r.Ref("NetworkAclId"), a => a with { Subnets = [.. a.Subnets, subnet] });
        });
    }

    private static void Group(IResourceView r, IEstateBuilder e)
    {
        var egress = r.Blocks("SecurityGroupEgress").Select(b => Rule(b, egress: true)).ToList();
        if (!r.Has("SecurityGroupEgress"))
        {
            // EC2 gives a new VPC group an allow-all IPv4 egress rule, removed only when the
            // template lists egress rules on the group itself.
            var at = r.At("SecurityGroupEgress");
            egress.Add(new SecurityGroupRule(
                Value.Default(NetworkMath.AllProtocols, at), Value.Default(0, at), Value.Default(65535, at),
                Value.Default<IReadOnlyList<string>>(["0.0.0.0/0"], at), Value.Default<IReadOnlyList<string>>([], at),
                Value.Default<IReadOnlyList<string>>([], at), Value.Default<IReadOnlyList<ResourceRef>>([], at),
                false, "AWS default egress rule", at));
        }

        e.Add(new SecurityGroup
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Name = r.String("GroupName"),
            Description = r.String("GroupDescription"),
            Vpc = r.RefOrNull("VpcId"),
            IsDefault = false,
            Ingress = r.Blocks("SecurityGroupIngress").Select(b => Rule(b, egress: false)).ToList(),
            Egress = egress,
        });
    }

    // Ingress in a default VPC may name the group instead of giving its id.
    private static Value<ResourceRef?> GroupOf(IResourceView r) => r.Has("GroupId") ? r.Ref("GroupId") : r.Ref("GroupName");

    private static SecurityGroupRule Rule(IResourceView b, bool egress)
    {
        var protocol = b.Protocol("IpProtocol");
        var (from, to) = b.Ports(protocol, "FromPort", "ToPort");
        var peerGroup = egress ? "DestinationSecurityGroupId" : b.Has("SourceSecurityGroupId") ? "SourceSecurityGroupId" : "SourceSecurityGroupName";
        return new SecurityGroupRule(
            protocol,
            from,
            to,
            b.SingleAsList("CidrIp"),
            b.SingleAsList("CidrIpv6"),
            b.PrefixListAsList(egress ? "DestinationPrefixListId" : "SourcePrefixListId"),
            b.RefAsList(peerGroup),
            false,
            b.String("Description").GetOrDefault(),
            b.Provenance);
    }

    private static void AclEntry(IResourceView r, IEstateBuilder e)
    {
        var protocol = r.Protocol("Protocol");
        var (from, to) = r.Ports(protocol, "PortRange.From", "PortRange.To");
        var entry = new NetworkAclEntry(
            r.Int("RuleNumber", 0),
            r.Bool("Egress", false).GetOrDefault(),
            protocol,
            r.TextOrDefault("RuleAction", "deny").Map(s => s.ToLowerInvariant()),
            r.String("CidrBlock"),
            r.String("Ipv6CidrBlock"),
            from,
            to,
            r.Provenance);
        e.Join<NetworkAcl>(r, r.Ref("NetworkAclId"), a => a with { Entries = [.. a.Entries, entry] });
    }
}
