using PciZone.Estate;

namespace PciZone.Rules.Aws.EKS;

internal sealed class EksNodeGroupSshRestricted : ResourceRule<EksNodeGroup>
{
    protected override Outcome Check(EksNodeGroup group, RuleContext context)
    {
        if (group.RemoteAccess.IsUnknown || !group.RemoteAccess.Get())
        {
            return Outcome.MustBeFalse(group.RemoteAccess, "SSH remote access is not configured.", "SSH remote access may be configured.");
        }

        return group.RemoteAccessSourceSecurityGroups.IsUnknown
            ? Outcome.Unknown($"The security groups allowed to SSH are unknown until apply: {group.RemoteAccessSourceSecurityGroups.UnknownReason}.", group.RemoteAccessSourceSecurityGroups.Source)
            : group.RemoteAccessSourceSecurityGroups.Get().Count > 0
                ? Outcome.Pass($"SSH is limited to security groups {string.Join(", ", group.RemoteAccessSourceSecurityGroups.Get())}.")
                : Outcome.Fail("SSH remote access is on with no source security groups: EKS opens port 22 to 0.0.0.0/0.", group.RemoteAccess.Source);
    }
}
