using PciZone.Estate;

namespace PciZone.Rules.Aws.Route53;

internal sealed class Route53PublicZoneQueryLoggingEnabled : ResourceRule<Route53HostedZone>
{
    protected override bool AppliesTo(Route53HostedZone zone, RuleContext context) =>
        !zone.IsPrivate.GetOrDefault(false);

    protected override Outcome Check(Route53HostedZone zone, RuleContext context)
    {
        if (zone.IsPrivate.IsUnknown)
        {
            return Outcome.Unknown($"Whether the zone is public cannot be read: {zone.IsPrivate.UnknownReason}.", zone.IsPrivate.Source);
        }

        return Outcome.MustBeTrue(zone.QueryLogGroup.Map(g => g is not null),
            $"DNS queries for the zone are logged to {zone.QueryLogGroup.GetOrDefault()}.",
            "Public hosted zone does not log DNS queries.");
    }
}
