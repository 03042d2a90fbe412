using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

internal sealed class KmsCdeKeyFullAccessOnlyForAdministrators : ResourceRule<KmsKey>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(KmsKey), typeof(Resource)];

    protected override bool AppliesTo(KmsKey key, RuleContext context) => CdeKeys.CdeUsers(context.Estate, key).Count > 0;

    protected override Outcome Check(KmsKey key, RuleContext context)
    {
        var users = string.Join(", ", CdeKeys.CdeUsers(context.Estate, key).Take(3).Select(u => u.Address));
        if (key.Policy.IsUnknown)
        {
            return Outcome.Unknown($"Key used by CDE resources ({users}) has a key policy that cannot be read: {key.Policy.UnknownReason}.", key.Policy.Source);
        }

        if (key.Policy.Get() is not { } policy)
        {
            return Outcome.Pass("Key uses the default key policy, which grants kms:* only to the account root.");
        }

        var offenders = new List<string>();
        foreach (var statement in policy.Allows.Where(s => s.MatchesAction("kms:*")))
        {
            var label = statement.Sid ?? "without Sid";
            if (statement.NotPrincipals.Count > 0)
            {
                offenders.Add($"every principal but the NotPrincipal list (statement {label})");
            }

            offenders.AddRange(statement.Principals
                .Where(p => !KeyAdministrators.IsAdministrator(context.Estate, p))
                .Select(p => $"{(p.Type == "AWS" ? "" : p.Type + " ")}{p.Value} (statement {label})"));
        }

        return offenders.Count == 0
            ? Outcome.Pass($"Key used by CDE resources ({users}) grants kms:* only to administrators.")
            : Outcome.Fail($"Key used by CDE resources ({users}) grants kms:* to non-administrators: {string.Join("; ", offenders.Distinct(StringComparer.Ordinal))}.", key.Policy.Source);
    }
}
