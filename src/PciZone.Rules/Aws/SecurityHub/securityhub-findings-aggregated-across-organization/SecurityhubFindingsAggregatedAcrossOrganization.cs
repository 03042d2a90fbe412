using PciZone.Estate;

namespace PciZone.Rules.Aws.SecurityHub;

internal sealed class SecurityhubFindingsAggregatedAcrossOrganization : ResourceRule<SecurityHubAccount>
{
    public override IReadOnlyList<Type> EstateTypes =>
        [typeof(SecurityHubAccount), typeof(SecurityHubFindingAggregator), typeof(SecurityHubOrganizationConfiguration), typeof(Organization)];

    protected override Outcome Check(SecurityHubAccount hub, RuleContext context)
    {
        var estate = context.Estate;
        var checks = new List<(Value<bool> Ok, string Gap)> { (Aggregated(estate), "aggregates no findings from every region (no finding aggregator linking all regions)") };
        var configurations = estate.OfType<SecurityHubOrganizationConfiguration>();
        if (configurations.Count > 0)
        {
            checks.Add((Governed(configurations), "does not govern member accounts (organisation configuration neither CENTRAL nor auto-enabling new accounts)"));
        }
        else if (estate.OfType<Organization>().Count > 0)
        {
            checks.Add((Value.Of(false, hub.Provenance), "has no organisation configuration although the estate holds the organisation"));
        }

        return CloudTrail.TrailGaps.Decide(checks, "Security Hub gathers the findings of every region, and its organisation configuration governs every member account.", "Security Hub");
    }

    // ALL_REGIONS, or ALL_REGIONS_EXCEPT_SPECIFIED with nothing left out, links every current and future region.
    private static Value<bool> Aggregated(AwsEstate estate)
    {
        Value<bool>? unknown = null;
        foreach (var a in estate.OfType<SecurityHubFindingAggregator>())
        {
            if (a.LinkingMode.IsUnknown || a.Regions.IsUnknown)
            {
                unknown ??= Value.Unknown<bool>($"linking of {a.Address} is unknown until apply", a.Provenance);
                continue;
            }

            if (a.LinkingMode.Get() == "ALL_REGIONS" || (a.LinkingMode.Get() == "ALL_REGIONS_EXCEPT_SPECIFIED" && a.Regions.Get().Count == 0))
            {
                return Value.Of(true, a.Provenance);
            }
        }

        return unknown ?? Value.Of(false, Provenance.None);
    }

    private static Value<bool> Governed(IReadOnlyList<SecurityHubOrganizationConfiguration> configurations)
    {
        foreach (var c in configurations)
        {
            if (c.ConfigurationType.IsUnknown || c.AutoEnable.IsUnknown)
            {
                return Value.Unknown<bool>($"configuration of {c.Address} is unknown until apply", c.Provenance);
            }

            if (c.ConfigurationType.Get() == "CENTRAL" || c.AutoEnable.Get())
            {
                continue;
            }

            return Value.Of(false, c.Provenance);
        }

        return Value.Of(true, configurations[0].Provenance);
    }
}
