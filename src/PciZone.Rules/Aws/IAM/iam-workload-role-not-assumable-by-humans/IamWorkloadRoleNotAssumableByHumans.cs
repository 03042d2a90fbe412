using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamWorkloadRoleNotAssumableByHumans : ResourceRule<IamRole>
{
    // A workload role is one that an AWS service assumes.
    protected override bool AppliesTo(IamRole role, RuleContext context) =>
        role.AssumeRolePolicy.GetOrDefault() is { } trust && Trusts(trust).Any(p => p.Principal.Type == "Service");

    protected override Outcome Check(IamRole role, RuleContext context)
    {
        var trust = role.AssumeRolePolicy.Get()!;
        var service = Trusts(trust).First(p => p.Principal.Type == "Service").Principal.Value;
        var humans = Trusts(trust).Select(p => Human(p.Principal, p.Statement)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return humans.Count == 0
            ? Outcome.Pass($"Only services and workload identities may assume the role (such as {service}).")
            : Outcome.Fail(
                $"The role is a workload role ({service} assumes it) but people can assume it too: {string.Join("; ", humans)}. Give people a role of their own.",
                role.AssumeRolePolicy.Source);
    }

    private static IEnumerable<(PolicyPrincipal Principal, PolicyStatement Statement)> Trusts(PolicyDocument trust) =>
        trust.Allows
            .Where(s => s.MatchesAction("sts:AssumeRole") || s.MatchesAction("sts:AssumeRoleWithSAML") || s.MatchesAction("sts:AssumeRoleWithWebIdentity"))
            .SelectMany(s => s.Principals.Select(p => (p, s)));

    // Why a principal stands for a person, or null for a workload (a service, an OIDC workload, another role).
    private static string? Human(PolicyPrincipal p, PolicyStatement s)
    {
        if (p.Type == "Federated")
        {
            return p.Value.Contains(":saml-provider/", StringComparison.OrdinalIgnoreCase) || s.MatchesAction("sts:AssumeRoleWithSAML")
                ? $"SAML federation through {p.Value}"
                : null;
        }

        if (p.Type is not ("AWS" or "*"))
        {
            return null;
        }

        var value = p.Value;
        if (value == "*")
        {
            return "any principal (*)";
        }

        if (value.Contains(":user/", StringComparison.Ordinal))
        {
            return $"IAM user {value}";
        }

        if (value.Contains("AWSReservedSSO_", StringComparison.Ordinal) || value.Contains("/sso.amazonaws.com/", StringComparison.Ordinal))
        {
            return $"IAM Identity Center role {value}";
        }

        // The account (its id or :root) delegates to every IAM principal of it, people included, unless a
        // condition names the principals.
        var isAccount = value.All(char.IsAsciiDigit) || value.EndsWith(":root", StringComparison.Ordinal);
        return isAccount && !s.Conditions.Any(c => c.Key.Equals("aws:PrincipalArn", StringComparison.OrdinalIgnoreCase))
            ? $"account {value} (any of its users and roles)"
            : null;
    }
}
