using PciZone.Estate;

namespace PciZone.Rules.Aws.WAF;

internal sealed class WafRuleGroupsNotEmpty : ResourceRule<WafRuleGroup>
{
    protected override Outcome Check(WafRuleGroup group, RuleContext context)
    {
        var what = group.Kind.EndsWith("-rule", StringComparison.Ordinal) ? ("WAF Classic rule", "conditions") : ("rule group", "rules");
        return group.EntryCount.IsUnknown
            ? Outcome.Unknown($"The {what.Item2} cannot be read: {group.EntryCount.UnknownReason}.", group.EntryCount.Source)
            : group.EntryCount.Get() > 0
                ? Outcome.Pass($"The {what.Item1} holds {group.EntryCount.Get()} {what.Item2}.")
                : Outcome.Fail($"The {what.Item1} holds no {what.Item2}: a web ACL that relies on it inspects nothing.", group.EntryCount.Source);
    }
}
