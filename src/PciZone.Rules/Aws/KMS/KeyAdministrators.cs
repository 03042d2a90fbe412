using System.Text.RegularExpressions;
using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

/// <summary>
/// The heuristic for "key administrator": an account root (a bare account id or <c>:root</c> ARN), a role
/// whose name contains "admin" in any case, or an IAM role or user of the estate (found by the name in
/// the ARN) that holds a policy allowing every action on every resource.
/// </summary>
internal static partial class KeyAdministrators
{
    /// <summary>True when the principal counts as an administrator.</summary>
    public static bool IsAdministrator(AwsEstate estate, PolicyPrincipal principal)
    {
        if (principal.Type != "AWS" || principal.Value == "*")
        {
            return false;
        }

        var value = principal.Value;
        if (AccountId().IsMatch(value) || RootArn().IsMatch(value))
        {
            return true;
        }

        var match = PrincipalArn().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var kind = match.Groups["kind"].Value;
        var rest = match.Groups["rest"].Value.Split('/');
        var name = kind == "assumed-role" ? rest[0] : rest[^1];
        var isRole = kind is "role" or "assumed-role";
        if (isRole && name.Contains("admin", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Resource? holder = isRole
            ? EstateIndex.Resolve<IamRole>(estate, ResourceRef.Id(name), "iam-role-by-name", r => r.Name.GetOrDefault())
            : kind == "user" ? EstateIndex.Resolve<IamUser>(estate, ResourceRef.Id(name), "iam-user-by-name", u => u.Name.GetOrDefault()) : null;
        return holder is not null && PolicyFacts.Match(PolicyFacts.HeldBy(estate, holder), PolicyFacts.GrantsFullAdmin).Matching.Count > 0;
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex("^arn:aws[a-z-]*:iam::[0-9]{12}:root$")]
    private static partial Regex RootArn();

    // arn:aws:iam::123456789012:role/path/Name, :user/Name, or arn:aws:sts::123456789012:assumed-role/Name/session.
    [GeneratedRegex("^arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:(?<kind>role|user|assumed-role)/(?<rest>.+)$")]
    private static partial Regex PrincipalArn();
}
