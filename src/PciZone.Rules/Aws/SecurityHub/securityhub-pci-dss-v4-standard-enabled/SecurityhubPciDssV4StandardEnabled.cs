using PciZone.Estate;

namespace PciZone.Rules.Aws.SecurityHub;

internal sealed class SecurityhubPciDssV4StandardEnabled : ResourceRule<SecurityHubAccount>
{
    private const string V401 = "standards/pci-dss/v/4.0.1";
    private const string V321 = "standards/pci-dss/v/3.2.1";

    protected override Outcome Check(SecurityHubAccount hub, RuleContext context)
    {
        if (hub.Standards.Any(s => s.IsKnown && s.Get().Contains(V401, StringComparison.Ordinal)))
        {
            return Outcome.Pass("The PCI DSS v4.0.1 standard is subscribed.");
        }

        // default(Value<T>) is Unknown, so look the value up only once one is known to exist.
        if (hub.Standards.Any(s => s.IsUnknown))
        {
            var unknown = hub.Standards.First(s => s.IsUnknown);
            return Outcome.Unknown($"Cannot tell which standard is subscribed: {unknown.UnknownReason}.", unknown.Source);
        }

        if (hub.Standards.Any(s => s.Get().Contains(V321, StringComparison.Ordinal)))
        {
            var old = hub.Standards.First(s => s.Get().Contains(V321, StringComparison.Ordinal));
            return Outcome.Fail("Only PCI DSS v3.2.1 is subscribed; v3.2.1 was retired in March 2024, subscribe standards/pci-dss/v/4.0.1.", old.Source);
        }

        return Outcome.Fail("Security Hub has no PCI DSS v4.0.1 standard subscription (the default standards are not PCI DSS).");
    }
}
