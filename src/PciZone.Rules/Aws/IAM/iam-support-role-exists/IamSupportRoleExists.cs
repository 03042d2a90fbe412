using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

/// <summary>
/// An account-level fact, judged on the account's password policy: the resource that shows the input
/// manages the account's IAM baseline, where a support role belongs too.
/// </summary>
internal sealed class IamSupportRoleExists : ResourceRule<PasswordPolicy>
{
    private const string SupportPolicy = "policy/AWSSupportAccess";

    public override IReadOnlyList<Type> EstateTypes => [typeof(PasswordPolicy), typeof(IamRole)];

    protected override Outcome Check(PasswordPolicy policy, RuleContext context)
    {
        var roles = context.Estate.Memo("iam-support-roles", SupportRoles);
        if (roles.Holders.Count > 0)
        {
            return Outcome.Pass($"Role {string.Join(", ", roles.Holders.Take(3))} has AWSSupportAccess for incidents with AWS Support.");
        }

        return roles.Unknown is { } unknown
            ? Outcome.Unknown($"No role shows AWSSupportAccess, but a policy attached to {unknown.Address} is unknown until apply.", unknown.Provenance)
            : Outcome.Fail("No IAM role in the estate has the AWS managed policy AWSSupportAccess, so no one is set up to open and manage AWS Support cases during an incident.");
    }

    private static Support SupportRoles(AwsEstate estate)
    {
        var holders = new List<string>();
        IamRole? unknown = null;
        foreach (var role in estate.OfType<IamRole>())
        {
            if (role.AttachedPolicies.Any(a => a.GetOrDefault()?.Literal is { } arn && IsSupportPolicy(arn)))
            {
                holders.Add(role.Address);
            }
            else if (role.AttachedPolicies.Any(a => a.IsUnknown))
            {
                unknown ??= role;
            }
        }

        return new Support(holders, unknown);
    }

    // arn:<partition>:iam::aws:policy/AWSSupportAccess
    private static bool IsSupportPolicy(string arn) =>
        arn.StartsWith("arn:", StringComparison.Ordinal) && arn.Contains(":iam::aws:", StringComparison.Ordinal) &&
        arn.EndsWith(SupportPolicy, StringComparison.Ordinal) && arn[^(SupportPolicy.Length + 1)] == ':';

    private sealed record Support(List<string> Holders, IamRole? Unknown);
}
