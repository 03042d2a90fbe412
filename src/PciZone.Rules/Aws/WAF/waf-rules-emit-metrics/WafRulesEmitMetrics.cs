using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.WAF;

internal sealed class WafRulesEmitMetrics : IRule
{
    /// <inheritdoc />
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    /// <inheritdoc />
    public IReadOnlyList<Type> EstateTypes => [typeof(WafWebAcl), typeof(WafRuleGroup)];

    /// <inheritdoc />
    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context)
    {
        // WAF Classic always publishes metrics; only WAFv2 can switch them off.
        foreach (var acl in context.Estate.OfType<WafWebAcl>().Where(a => a.Kind == "wafv2"))
        {
            yield return (acl, Check("web ACL", acl.MetricsEnabled, acl.Rules));
        }

        foreach (var group in context.Estate.OfType<WafRuleGroup>().Where(g => g.Kind == "wafv2"))
        {
            yield return (group, Check("rule group", group.MetricsEnabled, group.Rules));
        }
    }

    private static Outcome Check(string what, Value<bool> own, Value<IReadOnlyList<WafRule>> rules)
    {
        if (own.IsUnknown || rules.IsUnknown)
        {
            return Outcome.Unknown($"The {what}'s visibility configuration is unknown until apply.", own.Source);
        }

        if (!own.Get())
        {
            return Outcome.Fail($"The {what} publishes no CloudWatch metrics.", own.Source);
        }

        foreach (var rule in rules.Get())
        {
            if (rule.MetricsEnabled.IsUnknown)
            {
                return Outcome.Unknown($"CloudWatch metrics of rule '{rule.Name}' are unknown: {rule.MetricsEnabled.UnknownReason}.", rule.MetricsEnabled.Source);
            }

            if (!rule.MetricsEnabled.Get())
            {
                return Outcome.Fail($"Rule '{rule.Name}' publishes no CloudWatch metrics.", rule.MetricsEnabled.Source);
            }
        }

        return Outcome.Pass($"The {what} and its {rules.Get().Count} rules publish CloudWatch metrics.");
    }
}
