using PciZone.Estate;

namespace PciZone.Rules.Aws.WAF;

internal sealed class WafWebAclBlocksCommonAttacks : ResourceRule<WafWebAcl>
{
    private static readonly string[] Required = ["AWS/AWSManagedRulesCommonRuleSet", "AWS/AWSManagedRulesKnownBadInputsRuleSet"];

    // WAF Classic cannot run the AWS managed rule groups that this rule asks for.
    protected override bool AppliesTo(WafWebAcl acl, RuleContext context) => acl.Kind == "wafv2";

    protected override Outcome Check(WafWebAcl acl, RuleContext context)
    {
        if (!acl.Rules.TryGet(out var rules))
        {
            return Outcome.Unknown($"Rules cannot be read: {acl.Rules.UnknownReason}.", acl.Rules.Source);
        }

        foreach (var group in Required)
        {
            var matches = rules.Where(r => string.Equals(r.ManagedRuleGroup.GetOrDefault(), group, StringComparison.Ordinal)).ToList();
            var name = group["AWS/".Length..];
            if (matches.Count == 0)
            {
                return rules.Any(r => r.ManagedRuleGroup.IsUnknown)
                    ? Outcome.Unknown($"A managed rule group is unknown until apply; {name} may be missing.", acl.Rules.Source)
                    : Outcome.Fail($"The web ACL does not run the AWS managed rule group {name}.", acl.Rules.Source);
            }

            if (matches.All(r => r.Action.GetOrDefault() == "count"))
            {
                return Outcome.Fail($"{name} only counts matches (override action count): nothing is blocked.", matches[0].Action.Source);
            }
        }

        return Outcome.Pass("The web ACL blocks with the AWS managed Common and KnownBadInputs rule sets.");
    }
}
