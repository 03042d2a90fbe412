using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>Network ACLs from a Terraform plan, joined with their rule and association resources.</summary>
internal sealed class NetworkAclTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_network_acl", (r, e) => e.Add(Acl(r, r.Ref("vpc_id"), isDefault: false)));

        // default_network_acl_id is usually aws_vpc.x.default_network_acl_id, which links the VPC.
        registry.Primary("aws_default_network_acl", (r, e) => e.Add(Acl(r, r.Ref("default_network_acl_id"), isDefault: true)));
        registry.Companion("aws_network_acl_rule", Rule);
        registry.Companion("aws_network_acl_association", (r, e) =>
        {
            var subnet = r.Ref("subnet_id");
            e.Join<NetworkAcl>(r, r.Ref("network_acl_id"), a => a with { Subnets = [.. a.Subnets, subnet] });
        });
    }

    // Terraform removes the entries of an adopted default ACL that it is not told to keep, and a new
    // ACL starts with none, so absent blocks mean no entries (the implicit deny-all remains).
    private static NetworkAcl Acl(IResourceView r, Value<ResourceRef?> vpc, bool isDefault) => new()
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        Vpc = vpc,
        Subnets = r.RefsOrEmpty("subnet_ids").AsItems(r.At("subnet_ids")),
        Entries = [.. r.Blocks("ingress").Select(b => Inline(b, egress: false)), .. r.Blocks("egress").Select(b => Inline(b, egress: true))],
        IsDefault = isDefault,
    };

    private static NetworkAclEntry Inline(IResourceView b, bool egress)
    {
        var protocol = b.Protocol("protocol");
        var (from, to) = b.Ports(protocol, "from_port", "to_port");
        return new NetworkAclEntry(
            b.Int("rule_no", 0), egress, protocol, b.TextOrDefault("action", "deny").Map(s => s.ToLowerInvariant()),
            b.OptionalTextOrDefault("cidr_block"), b.OptionalTextOrDefault("ipv6_cidr_block"), from, to, b.Provenance);
    }

    private static void Rule(IResourceView r, IEstateBuilder e)
    {
        var protocol = r.Protocol("protocol");
        var (from, to) = r.Ports(protocol, "from_port", "to_port");
        var entry = new NetworkAclEntry(
            r.Int("rule_number", 0), r.Bool("egress", false).GetOrDefault(), protocol,
            r.TextOrDefault("rule_action", "deny").Map(s => s.ToLowerInvariant()),
            r.OptionalTextOrDefault("cidr_block"), r.OptionalTextOrDefault("ipv6_cidr_block"), from, to, r.Provenance);
        e.Join<NetworkAcl>(r, r.Ref("network_acl_id"), a => a with { Entries = [.. a.Entries, entry] });
    }
}
