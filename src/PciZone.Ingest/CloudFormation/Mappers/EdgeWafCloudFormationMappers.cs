using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>
/// WAFv2 and WAF Classic web ACLs (WAFv2 joined with its logging configuration), rule groups, Classic
/// rules and web ACL associations, from a template.
/// </summary>
internal sealed class EdgeWafCloudFormationMappers : ICloudFormationMappers
{
    private static readonly string[] V2Actions = ["Block", "Allow", "Count", "Captcha", "Challenge"];

    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::WAFv2::WebACL", (r, e) => e.Add(new WafWebAcl
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"), Kind = "wafv2",
            Scope = r.String("Scope"),
            Rules = Value.Of<IReadOnlyList<WafRule>>(r.Blocks("Rules").Select(V2Rule).ToList(), r.At("Rules")),
            MetricsEnabled = r.Bool("VisibilityConfig.CloudWatchMetricsEnabled", false),
            LogDestinations = Value.Default<IReadOnlyList<ResourceRef>>([], r.Provenance),
        }));
        registry.Primary("AWS::WAFv2::RuleGroup", (r, e) =>
        {
            var rules = r.Blocks("Rules").Select(V2Rule).ToList();
            e.Add(new WafRuleGroup
            {
                Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"), Kind = "wafv2",
                EntryCount = Value.Of(rules.Count, r.At("Rules")),
                Rules = Value.Of<IReadOnlyList<WafRule>>(rules, r.At("Rules")),
                MetricsEnabled = r.Bool("VisibilityConfig.CloudWatchMetricsEnabled", false),
            });
        });
        registry.Companion("AWS::WAFv2::LoggingConfiguration", (r, e) =>
            e.Join<WafWebAcl>(r, r.Ref("ResourceArn"), acl => acl with { LogDestinations = r.Refs("LogDestinationConfigs") }));
        registry.Primary("AWS::WAFv2::WebACLAssociation", (r, e) => Association(r, e, "WebACLArn"));

        ClassicAcl(registry, "AWS::WAF::WebACL", "waf", "CLOUDFRONT");
        ClassicAcl(registry, "AWS::WAFRegional::WebACL", "wafregional", "REGIONAL");
        ClassicRule(registry, "AWS::WAF::Rule", "waf-rule");
        ClassicRule(registry, "AWS::WAFRegional::Rule", "wafregional-rule");
        registry.Primary("AWS::WAFRegional::WebACLAssociation", (r, e) => Association(r, e, "WebACLId"));
    }

    private static WafRule V2Rule(IResourceView rule) => new(
        rule.String("Name").GetOrDefault() ?? "?",
        rule.Block("Statement.ManagedRuleGroupStatement") is { } managed
            ? Value.Of<string?>($"{managed.String("VendorName").GetOrDefault()}/{managed.String("Name").GetOrDefault()}", rule.At("Statement"))
            : Value.Default<string?>(null, rule.At("Statement")),
        Value.Of<string?>(
            rule.Block("OverrideAction") is { } o ? (o.Has("Count") ? "count" : "none")
            : rule.Block("Action") is { } a ? V2Actions.FirstOrDefault(a.Has)?.ToLowerInvariant() : null,
            rule.At("Action")),
        rule.Bool("VisibilityConfig.CloudWatchMetricsEnabled", false));

    // WAF Classic logging cannot be configured in CloudFormation, only through the API.
    private static void ClassicAcl(MapperRegistry registry, string type, string kind, string scope) =>
        registry.Primary(type, (r, e) => e.Add(new WafWebAcl
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Kind = kind,
            Scope = Value.Default<string?>(scope, r.Provenance),
            Rules = Value.Of<IReadOnlyList<WafRule>>(r.Blocks("Rules").Select(x => new WafRule(
                x.String("RuleId").GetOrDefault() ?? "?",
                Value.Default<string?>(null, x.Provenance),
                x.String("Action.Type").Map(s => s?.ToLowerInvariant()),
                Value.Default(true, x.Provenance))).ToList(), r.At("Rules")),
            MetricsEnabled = Value.Default(true, r.Provenance),
            LogDestinations = Value.Unknown<IReadOnlyList<ResourceRef>>("WAF Classic logging is configured through the API, not in CloudFormation", r.Provenance),
        }));

    private static void ClassicRule(MapperRegistry registry, string type, string kind) =>
        registry.Primary(type, (r, e) => e.Add(new WafRuleGroup
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Kind = kind,
            EntryCount = Value.Of(r.Blocks("Predicates").Count, r.At("Predicates")),
            Rules = Value.Default<IReadOnlyList<WafRule>>([], r.Provenance),
            MetricsEnabled = Value.Default(true, r.Provenance),
        }));

    private static void Association(IResourceView r, IEstateBuilder estate, string aclPath) => estate.Add(new WafWebAclAssociation
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
        WebAcl = r.Ref(aclPath),
        Target = r.Ref("ResourceArn"),
    });
}
