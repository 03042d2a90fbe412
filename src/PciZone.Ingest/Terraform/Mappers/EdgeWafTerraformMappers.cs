using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// WAFv2 and WAF Classic web ACLs (WAFv2 joined with its logging configuration), rule groups, Classic
/// rules and web ACL associations, from a Terraform plan.
/// </summary>
internal sealed class EdgeWafTerraformMappers : ITerraformMappers
{
    private static readonly string[] V2Actions = ["block", "allow", "count", "captcha", "challenge"];

    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_wafv2_web_acl", (r, e) => e.Add(new WafWebAcl
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"), Kind = "wafv2",
            Scope = r.String("scope"),
            Rules = Value.Of<IReadOnlyList<WafRule>>(r.Blocks("rule").Select(V2Rule).ToList(), r.At("rule")),
            MetricsEnabled = r.Bool("visibility_config.cloudwatch_metrics_enabled", false),
            LogDestinations = Value.Default<IReadOnlyList<ResourceRef>>([], r.Provenance),
        }));
        registry.Primary("aws_wafv2_rule_group", (r, e) =>
        {
            var rules = r.Blocks("rule").Select(V2Rule).ToList();
            e.Add(new WafRuleGroup
            {
                Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"), Kind = "wafv2",
                EntryCount = Value.Of(rules.Count, r.At("rule")),
                Rules = Value.Of<IReadOnlyList<WafRule>>(rules, r.At("rule")),
                MetricsEnabled = r.Bool("visibility_config.cloudwatch_metrics_enabled", false),
            });
        });
        registry.Companion("aws_wafv2_web_acl_logging_configuration", (r, e) =>
            e.Join<WafWebAcl>(r, r.Ref("resource_arn"), acl => acl with { LogDestinations = r.Refs("log_destination_configs") }));
        registry.Primary("aws_wafv2_web_acl_association", (r, e) => Association(r, e, "web_acl_arn"));

        ClassicAcl(registry, "aws_waf_web_acl", "waf", "rules", "CLOUDFRONT");
        ClassicAcl(registry, "aws_wafregional_web_acl", "wafregional", "rule", "REGIONAL");
        ClassicGroup(registry, "aws_waf_rule_group", "waf", "activated_rule");
        ClassicGroup(registry, "aws_wafregional_rule_group", "wafregional", "activated_rule");
        ClassicGroup(registry, "aws_waf_rule", "waf-rule", "predicates");
        ClassicGroup(registry, "aws_wafregional_rule", "wafregional-rule", "predicate");
        registry.Primary("aws_wafregional_web_acl_association", (r, e) => Association(r, e, "web_acl_id"));
    }

    private static WafRule V2Rule(IResourceView rule) => new(
        rule.String("name").GetOrDefault() ?? "?",
        rule.Block("statement.managed_rule_group_statement") is { } managed
            ? Value.Of<string?>($"{managed.String("vendor_name").GetOrDefault()}/{managed.String("name").GetOrDefault()}", rule.At("statement"))
            : Value.Default<string?>(null, rule.At("statement")),
        Value.Of<string?>(
            rule.Block("override_action") is { } o ? (o.Block("count") is null ? "none" : "count")
            : rule.Block("action") is { } a ? V2Actions.FirstOrDefault(x => a.Block(x) is not null) : null,
            rule.At("action")),
        rule.Bool("visibility_config.cloudwatch_metrics_enabled", false));

    private static void ClassicAcl(MapperRegistry registry, string type, string kind, string rulesPath, string scope) =>
        registry.Primary(type, (r, e) => e.Add(new WafWebAcl
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"), Kind = kind,
            Scope = Value.Default<string?>(scope, r.Provenance),
            Rules = Value.Of<IReadOnlyList<WafRule>>(r.Blocks(rulesPath).Select(x => new WafRule(
                x.String("rule_id").GetOrDefault() ?? "?",
                Value.Default<string?>(null, x.Provenance),
                x.Block("override_action") is { } o ? o.String("type").Map(s => s?.ToLowerInvariant()) : x.String("action.type").Map(s => s?.ToLowerInvariant()),
                Value.Default(true, x.Provenance))).ToList(), r.At(rulesPath)),
            MetricsEnabled = Value.Default(true, r.Provenance),
            LogDestinations = r.Block("logging_configuration") is { } log
                ? log.Ref("log_destination").Map<IReadOnlyList<ResourceRef>>(d => d is null ? [] : [d])
                : Value.Default<IReadOnlyList<ResourceRef>>([], r.Provenance),
        }));

    private static void ClassicGroup(MapperRegistry registry, string type, string kind, string entriesPath) =>
        registry.Primary(type, (r, e) => e.Add(new WafRuleGroup
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"), Kind = kind,
            EntryCount = Value.Of(r.Blocks(entriesPath).Count, r.At(entriesPath)),
            Rules = Value.Default<IReadOnlyList<WafRule>>([], r.Provenance),
            MetricsEnabled = Value.Default(true, r.Provenance),
        }));

    private static void Association(IResourceView r, IEstateBuilder estate, string aclPath) => estate.Add(new WafWebAclAssociation
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
        WebAcl = r.Ref(aclPath),
        Target = r.Ref("resource_arn"),
    });
}
