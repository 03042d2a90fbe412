using PciZone.Estate;

namespace PciZone.Rules.Aws.WAF;

internal sealed class WafWebAclLoggingEnabled : ResourceRule<WafWebAcl>
{
    protected override Outcome Check(WafWebAcl acl, RuleContext context) =>
        acl.LogDestinations.IsUnknown
            ? Outcome.Unknown($"Logging cannot be read: {acl.LogDestinations.UnknownReason}.", acl.LogDestinations.Source)
            : acl.LogDestinations.Get() is { Count: > 0 } destinations
                ? Outcome.Pass($"Web ACL traffic is logged to {string.Join(", ", destinations)}.")
                : Outcome.Fail("The web ACL has no logging configuration: allowed and blocked requests leave no record.", acl.LogDestinations.Source);
}
