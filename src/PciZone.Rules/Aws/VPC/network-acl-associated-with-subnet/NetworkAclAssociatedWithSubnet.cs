using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class NetworkAclAssociatedWithSubnet : ResourceRule<NetworkAcl>
{
    // A VPC's default ACL takes every subnet that no other ACL claims; it may rightly have none.
    protected override bool AppliesTo(NetworkAcl acl, RuleContext context) => !acl.IsDefault;

    protected override Outcome Check(NetworkAcl acl, RuleContext context) =>
        acl.Subnets.Count > 0
            ? Outcome.Pass($"The ACL filters {acl.Subnets.Count} subnet association(s).")
            : Outcome.Fail("The network ACL is associated with no subnet: an unused control that reviews must still account for.");
}
