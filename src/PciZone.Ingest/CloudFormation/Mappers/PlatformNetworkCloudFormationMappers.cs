using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>
/// Network Firewall firewalls (joined with <c>AWS::NetworkFirewall::LoggingConfiguration</c>), policies
/// and rule groups, and Route 53 hosted zones.
/// </summary>
internal sealed class PlatformNetworkCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::NetworkFirewall::Firewall", (r, e) => e.Add(new NetworkFirewall
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Policy = r.Ref("FirewallPolicyArn"),
            LogTypes = Value.Default<IReadOnlyList<string>>([], r.Provenance),
        }));
        registry.Companion("AWS::NetworkFirewall::LoggingConfiguration", (r, e) =>
            e.Join<NetworkFirewall>(r, r.Ref("FirewallArn"), f => f with { LogTypes = LogTypes(r) }));
        registry.Primary("AWS::NetworkFirewall::FirewallPolicy", (r, e) => e.Add(new NetworkFirewallPolicy
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            StatelessDefaultActions = r.Strings("FirewallPolicy.StatelessDefaultActions"),
            StatelessFragmentDefaultActions = r.Strings("FirewallPolicy.StatelessFragmentDefaultActions"),
            StatelessRuleGroups = r.BlockRefs("FirewallPolicy.StatelessRuleGroupReferences", "ResourceArn"),
            StatefulRuleGroups = r.BlockRefs("FirewallPolicy.StatefulRuleGroupReferences", "ResourceArn"),
        }));
        registry.Primary("AWS::NetworkFirewall::RuleGroup", (r, e) => e.Add(new NetworkFirewallRuleGroup
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            RuleGroupType = r.String("Type"),
            StatelessRuleCount = Value.Of(r.Blocks("RuleGroup.RulesSource.StatelessRulesAndCustomActions.StatelessRules").Count, r.At("RuleGroup")),
        }));

        registry.Primary("AWS::Route53::HostedZone", (r, e) => e.Add(new Route53HostedZone
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("HostedZoneTags"),
            Name = r.String("Name"),
            IsPrivate = Value.Of(r.Blocks("VPCs").Count > 0, r.At("VPCs")),
            QueryLogGroup = r.IsWritten("QueryLoggingConfig")
                ? r.Ref("QueryLoggingConfig.CloudWatchLogsLogGroupArn")
                : Value.Default<ResourceRef?>(null, r.Provenance),
        }));
    }

    private static Value<IReadOnlyList<string>> LogTypes(IResourceView r)
    {
        var types = new List<string>();
        foreach (var d in r.Blocks("LoggingConfiguration.LogDestinationConfigs"))
        {
            var type = d.String("LogType");
            if (type.IsUnknown)
            {
                return Value.Unknown<IReadOnlyList<string>>(type.UnknownReason ?? "unknown", type.Source);
            }

            if (type.Get() is { } t)
            {
                types.Add(t);
            }
        }

        return Value.Of<IReadOnlyList<string>>(types, r.At("LoggingConfiguration"));
    }
}
