using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamPoliciesDoNotGrantFullServiceAccess : HeldPolicyRule
{
    protected override string Grant => "every action of a service (\"<service>:*\" or \"*\")";

    protected override bool Matches(PolicyStatement statement) =>
        statement.Effect == PolicyEffect.Allow && statement.Actions.Any(a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal));
}
