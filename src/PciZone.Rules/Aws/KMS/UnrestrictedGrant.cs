using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

/// <summary>
/// Decides whether an Allow statement opens a resource policy to anyone: a wildcard principal (or an
/// Allow with NotPrincipal) with no condition that pins callers to an account, organisation, service or
/// network. Resource policies on keys, topics and queues share this shape.
/// </summary>
internal static class UnrestrictedGrant
{
    /// <summary>Condition keys that limit who can use a grant to a known account, organisation, service or network.</summary>
    private static readonly string[] RestrictingKeys =
    [
        "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn",
        "aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths",
        "aws:SourceVpc", "aws:SourceVpce", "aws:userid",
        "kms:CallerAccount", "kms:ViaService",
    ];

    /// <summary>True when the statement allows everyone without a restricting condition.</summary>
    public static bool IsUnrestricted(PolicyStatement statement) =>
        statement.Effect == PolicyEffect.Allow &&
        (statement.HasWildcardPrincipal || statement.NotPrincipals.Count > 0) &&
        !statement.Conditions.Any(Restricts);

    // A negated operator ("StringNotEquals") or an IfExists form lets callers without the key through,
    // and a bare "*" value matches everyone: none of these restrict.
    private static bool Restricts(PolicyCondition condition) =>
        RestrictingKeys.Contains(condition.Key, StringComparer.OrdinalIgnoreCase) &&
        !condition.Operator.Contains("Not", StringComparison.OrdinalIgnoreCase) &&
        !condition.Operator.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase) &&
        condition.Values.Count > 0 &&
        condition.Values.All(v => v.Length > 0 && v != "*");
}
