using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// Network Firewall firewalls (joined with <c>aws_networkfirewall_logging_configuration</c>), policies
/// and rule groups, and Route 53 hosted zones (joined with <c>aws_route53_query_log</c>).
/// </summary>
internal sealed class PlatformNetworkTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_networkfirewall_firewall", (r, e) => e.Add(new NetworkFirewall
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Policy = r.Ref("firewall_policy_arn"),
            LogTypes = Value.Default<IReadOnlyList<string>>([], r.Provenance),
        }));
        registry.Companion("aws_networkfirewall_logging_configuration", (r, e) =>
            e.Join<NetworkFirewall>(r, r.Ref("firewall_arn"), f => f with { LogTypes = LogTypes(r) }));
        registry.Primary("aws_networkfirewall_firewall_policy", (r, e) => e.Add(new NetworkFirewallPolicy
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            StatelessDefaultActions = r.Strings("firewall_policy.stateless_default_actions"),
            StatelessFragmentDefaultActions = r.Strings("firewall_policy.stateless_fragment_default_actions"),
            StatelessRuleGroups = r.BlockRefs("firewall_policy.stateless_rule_group_reference", "resource_arn"),
            StatefulRuleGroups = r.BlockRefs("firewall_policy.stateful_rule_group_reference", "resource_arn"),
        }));
        registry.Primary("aws_networkfirewall_rule_group", (r, e) => e.Add(new NetworkFirewallRuleGroup
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            RuleGroupType = r.String("type"),
            StatelessRuleCount = StatelessRules(r),
        }));

        registry.Primary("aws_route53_zone", (r, e) => e.Add(new Route53HostedZone
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            IsPrivate = Value.Of(r.Blocks("vpc").Count > 0, r.At("vpc")),
            QueryLogGroup = Value.Default<ResourceRef?>(null, r.Provenance),
        }));
        registry.Companion("aws_route53_query_log", (r, e) =>
            e.Join<Route53HostedZone>(r, r.Ref("zone_id"), z => z with { QueryLogGroup = r.Ref("cloudwatch_log_group_arn") }));
    }

    private static Value<IReadOnlyList<string>> LogTypes(IResourceView r)
    {
        var types = new List<string>();
        foreach (var d in r.Blocks("logging_configuration.log_destination_config"))
        {
            var type = d.String("log_type");
            if (type.IsUnknown)
            {
                return Value.Unknown<IReadOnlyList<string>>(type.UnknownReason ?? "unknown", type.Source);
            }

            if (type.Get() is { } t)
            {
                types.Add(t);
            }
        }

        return Value.Of<IReadOnlyList<string>>(types, r.At("logging_configuration"));
    }

    // Rules come either as blocks or as a Suricata string (`rules`, stateful only).
    private static Value<int> StatelessRules(IResourceView r) =>
        Value.Of(r.Blocks("rule_group.rules_source.stateless_rules_and_custom_actions.stateless_rule").Count, r.At("rule_group"));
}
