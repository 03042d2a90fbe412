using PciZone.Estate;

namespace PciZone.Rules.Aws.WAF;

internal sealed class WafWebAclHasRules : ResourceRule<WafWebAcl>
{
    protected override Outcome Check(WafWebAcl acl, RuleContext context) =>
        acl.Rules.IsUnknown
            ? Outcome.Unknown($"Rules cannot be read: {acl.Rules.UnknownReason}.", acl.Rules.Source)
            : acl.Rules.Get().Count > 0
                ? Outcome.Pass($"The web ACL evaluates {acl.Rules.Get().Count} rules.")
                : Outcome.Fail("The web ACL has no rules: every request gets the default action and nothing is inspected.", acl.Rules.Source);
}
