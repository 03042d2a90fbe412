using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// Security groups from a Terraform plan, joined with the three ways Terraform writes rules: inline
/// blocks, <c>aws_security_group_rule</c>, and the per-rule <c>aws_vpc_security_group_*_rule</c>.
/// </summary>
internal sealed class NetworkSecurityGroupTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_security_group", (r, e) => e.Add(Group(r, isDefault: false)));
        registry.Primary("aws_default_security_group", (r, e) => e.Add(Group(r, isDefault: true)));
        registry.Companion("aws_security_group_rule", LegacyRule);
        registry.Companion("aws_vpc_security_group_ingress_rule", (r, e) => VpcRule(r, e, egress: false));
        registry.Companion("aws_vpc_security_group_egress_rule", (r, e) => VpcRule(r, e, egress: true));
    }

    // Terraform removes the rules AWS creates by default (the allow-all egress of a new group, and
    // every rule of an adopted default group), so a group without rule blocks has no rules.
    private static SecurityGroup Group(IResourceView r, bool isDefault) => new()
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        Name = isDefault ? Value.Default<string?>("default", r.Provenance) : r.String("name"),
        Description = isDefault
            ? Value.Default<string?>("default VPC security group", r.Provenance)
            : r.OptionalTextOrDefault("description", "Managed by Terraform"),
        // Without vpc_id the group is created in the region's default VPC.
        Vpc = r.RefOrNull("vpc_id"),
        IsDefault = isDefault,
        Ingress = InlineRules(r, "ingress"),
        Egress = InlineRules(r, "egress"),
    };

    private static readonly string[] GroupTypes = ["aws_security_group", "aws_default_security_group"];
    private static readonly string[] PrefixListTypes = ["aws_ec2_managed_prefix_list", "aws_vpc_endpoint"];

    // Inline rules are attributes as blocks: a group or prefix list still to be created leaves the
    // block's list unknown, and only the group's whole-attribute references say which it is.
    private static List<SecurityGroupRule> InlineRules(IResourceView group, string attribute)
    {
        var rules = group.Blocks(attribute).Select(InlineRule).ToList();
        var (unknownGroups, knownGroups) = (rules.Count(x => x.SourceGroups.IsUnknown), rules.Count(x => x.SourceGroups.GetOrDefault()?.Count > 0));
        var (unknownLists, knownLists) = (rules.Count(x => x.PrefixLists.IsUnknown), rules.Count(x => x.PrefixLists.GetOrDefault()?.Count > 0));
        if (unknownGroups + unknownLists == 0)
        {
            return rules;
        }

        var groups = NetworkInlineRefs.Referenced(group, attribute, GroupTypes);
        var lists = NetworkInlineRefs.Referenced(group, attribute, PrefixListTypes);
        var source = unknownGroups > 0 && groups.Count > 1 ? NetworkInlineSource.Blocks(group.Provenance, attribute) : null;
        return rules.Select(x => x with
        {
            SourceGroups = FromSource(NetworkInlineRefs.Resolve(x.SourceGroups, unknownGroups, knownGroups, groups), x, source, groups),
            PrefixLists = x.PrefixLists.IsKnown ? x.PrefixLists
                : NetworkInlineRefs.Resolve(x.PrefixLists.Map<IReadOnlyList<ResourceRef>>(_ => []), unknownLists, knownLists, lists)
                    .Map<IReadOnlyList<string>>(l => l.Select(p => p.Address!).ToList()),
        }).ToList();
    }

    // Several blocks name groups: the one source block with the rule's protocol and ports names its own.
    private static Value<IReadOnlyList<ResourceRef>> FromSource(
        Value<IReadOnlyList<ResourceRef>> groups, SecurityGroupRule rule, IReadOnlyList<IReadOnlyDictionary<string, string>>? blocks, IReadOnlyList<string> candidates)
    {
        if (groups.IsKnown || blocks is null || !rule.FromPort.IsKnown || !rule.ToPort.IsKnown || !rule.Protocol.IsKnown)
        {
            return groups;
        }

        // An all-protocol rule is read as ports 0-65535 whatever the block says.
        var all = rule.Protocol.Get() == NetworkMath.AllProtocols;
        var matching = blocks.Where(b =>
            (all || (b.GetValueOrDefault("from_port") == rule.FromPort.Get().ToString(System.Globalization.CultureInfo.InvariantCulture) &&
                     b.GetValueOrDefault("to_port") == rule.ToPort.Get().ToString(System.Globalization.CultureInfo.InvariantCulture))) &&
            NetworkInlineSource.Literal(b.GetValueOrDefault("protocol")) is { } p && NetworkMath.NormaliseProtocol(p) == rule.Protocol.Get()).ToList();
        return matching is [var block] && block.GetValueOrDefault("security_groups") is { } expression &&
               NetworkInlineSource.NamedList(expression, candidates) is { } named
            ? Value.Of<IReadOnlyList<ResourceRef>>(named.Select(ResourceRef.To).ToList(), groups.Source)
            : groups;
    }

    private static SecurityGroupRule InlineRule(IResourceView b)
    {
        var protocol = b.Protocol("protocol");
        var (from, to) = b.Ports(protocol, "from_port", "to_port");
        return new SecurityGroupRule(
            protocol,
            from,
            to,
            b.Strings("cidr_blocks"),
            b.Strings("ipv6_cidr_blocks"),
            b.Refs("prefix_list_ids").Map<IReadOnlyList<string>>(l => l.Select(p => p.Address ?? p.Literal).OfType<string>().ToList()),
            b.Refs("security_groups"),
            b.Bool("self", false).GetOrDefault(),
            b.String("description").GetOrDefault(),
            b.Provenance);
    }

    private static void LegacyRule(IResourceView r, IEstateBuilder e)
    {
        var protocol = r.Protocol("protocol");
        var (from, to) = r.Ports(protocol, "from_port", "to_port");
        var rule = new SecurityGroupRule(
            protocol,
            from,
            to,
            r.StringsOrEmpty("cidr_blocks"),
            r.StringsOrEmpty("ipv6_cidr_blocks"),
            r.PrefixLists("prefix_list_ids"),
            r.RefAsList("source_security_group_id"),
            r.Bool("self", false).GetOrDefault(),
            r.String("description").GetOrDefault(),
            r.Provenance);
        var type = r.String("type");
        e.Join<SecurityGroup>(r, r.Ref("security_group_id"), g => Add(g, rule, type));
    }

    private static void VpcRule(IResourceView r, IEstateBuilder e, bool egress)
    {
        var protocol = r.Protocol("ip_protocol");
        var (from, to) = r.Ports(protocol, "from_port", "to_port");
        var rule = new SecurityGroupRule(
            protocol,
            from,
            to,
            r.SingleAsList("cidr_ipv4"),
            r.SingleAsList("cidr_ipv6"),
            r.PrefixListAsList("prefix_list_id"),
            r.RefAsList("referenced_security_group_id"),
            false,
            r.String("description").GetOrDefault(),
            r.Provenance);
        var direction = Value.Of<string?>(egress ? "egress" : "ingress", r.Provenance);
        e.Join<SecurityGroup>(r, r.Ref("security_group_id"), g => Add(g, rule, direction));
    }

    private static SecurityGroup Add(SecurityGroup g, SecurityGroupRule rule, Value<string?> direction) =>
        direction.GetOrDefault() switch
        {
            "ingress" => g with { Ingress = [.. g.Ingress, rule] },
            "egress" => g with { Egress = [.. g.Egress, rule] },
            _ => g with { HasUnknownRules = true },
        };
}
