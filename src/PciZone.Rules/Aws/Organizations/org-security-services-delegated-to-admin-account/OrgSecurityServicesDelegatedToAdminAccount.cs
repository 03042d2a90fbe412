using PciZone.Estate;

namespace PciZone.Rules.Aws.Organizations;

internal sealed class OrgSecurityServicesDelegatedToAdminAccount : ResourceRule<Organization>
{
    // Each duty: a name for messages and the service principals that fulfil it.
    private static readonly (string Service, string[] Principals)[] Always =
    [
        ("GuardDuty", ["guardduty.amazonaws.com"]),
        ("Security Hub", ["securityhub.amazonaws.com"]),
        ("AWS Config", ["config.amazonaws.com", "config-multiaccountsetup.amazonaws.com"]),
    ];

    private static readonly (string Service, string[] Principals) Inspector = ("Inspector", ["inspector2.amazonaws.com"]);

    public override IReadOnlyList<Type> EstateTypes =>
        [typeof(Organization), typeof(DelegatedAdministrator), typeof(InspectorEnabler), typeof(InspectorOrganizationConfiguration)];

    protected override Outcome Check(Organization organization, RuleContext context)
    {
        var estate = context.Estate;
        var delegations = estate.OfType<DelegatedAdministrator>();
        var duties = Always.ToList();
        if (estate.OfType<InspectorEnabler>().Count > 0 || estate.OfType<InspectorOrganizationConfiguration>().Count > 0)
        {
            duties.Add(Inspector);
        }

        var missing = new List<string>();
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        DelegatedAdministrator? unknown = null;
        foreach (var (service, principals) in duties)
        {
            var match = delegations.FirstOrDefault(d => d.ServicePrincipal.IsKnown && principals.Contains(d.ServicePrincipal.Get(), StringComparer.Ordinal));
            if (match is null)
            {
                unknown ??= delegations.FirstOrDefault(d => d.ServicePrincipal.IsUnknown);
                missing.Add(service);
            }
            else
            {
                accounts.Add(match.Account.IsKnown ? match.Account.Get()?.ToString() ?? "(none)" : "an account known after apply");
            }
        }

        if (missing.Count == 0)
        {
            return Outcome.Pass($"{string.Join(", ", duties.Select(d => d.Service))} are administered from delegated account {string.Join(", ", accounts)}.");
        }

        return unknown is not null
            ? Outcome.Unknown($"No delegated administrator is known for {string.Join(", ", missing)}; {unknown.Address} names a service unknown until apply.", unknown.Provenance)
            : Outcome.Fail($"{string.Join(", ", missing)} {(missing.Count == 1 ? "has" : "have")} no delegated administrator: the service is run from the management account, whose administrators then also run the security tooling.");
    }
}
