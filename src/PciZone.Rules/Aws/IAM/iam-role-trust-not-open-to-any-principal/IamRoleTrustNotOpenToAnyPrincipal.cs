using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamRoleTrustNotOpenToAnyPrincipal : ResourceRule<IamRole>
{
    // Condition keys that pin the caller to a known account, organisation or third party.
    private static readonly string[] RestrictingKeys =
    [
        "sts:ExternalId", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn",
        "aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths",
    ];

    private static readonly string[] AssumeActions = ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"];

    protected override Outcome Check(IamRole role, RuleContext context)
    {
        if (role.AssumeRolePolicy.IsUnknown)
        {
            return Outcome.Unknown($"Trust policy cannot be read: {role.AssumeRolePolicy.UnknownReason}.", role.AssumeRolePolicy.Source);
        }

        var open = role.AssumeRolePolicy.Get()?.Allows
            .FirstOrDefault(s => s.HasWildcardPrincipal && AssumeActions.Any(s.MatchesAction) && !s.Conditions.Any(Restricts));
        return open is null
            ? Outcome.Pass("Trust policy names its principals or restricts a wildcard principal with a condition.")
            : Outcome.Fail(
                $"Trust policy{(open.Sid is null ? "" : $" statement '{open.Sid}'")} lets any AWS principal assume the role: Principal \"*\" with no condition on sts:ExternalId, aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceAccount.",
                role.AssumeRolePolicy.Source);
    }

    // IfExists and negated operators let a request without the key through, so they do not restrict.
    private static bool Restricts(PolicyCondition c) =>
        RestrictingKeys.Contains(c.Key, StringComparer.OrdinalIgnoreCase) &&
        !c.Operator.Contains("IfExists", StringComparison.OrdinalIgnoreCase) &&
        !c.Operator.Contains("Not", StringComparison.Ordinal) &&
        !string.Equals(c.Operator, "Null", StringComparison.OrdinalIgnoreCase) &&
        c.Values.Count > 0 && !c.Values.Any(v => v == "*");
}
