using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class VpcEndpointServiceAcceptanceRequired : ResourceRule<VpcEndpointService>
{
    protected override Outcome Check(VpcEndpointService service, RuleContext context)
    {
        if (service.AllowedPrincipals.TryGet(out var principals) && principals.Contains("*"))
        {
            return Outcome.Fail("The endpoint service allows every AWS principal (\"*\") to connect.", service.AllowedPrincipals.Source);
        }

        var outcome = Outcome.MustBeTrue(
            service.AcceptanceRequired,
            "Connection requests wait for acceptance and the allowed principals are named.",
            "Connection requests are accepted automatically: any allowed principal connects to the service without review.");
        return outcome.Status == Compliance.FindingStatus.Pass && service.AllowedPrincipals.IsUnknown
            ? Outcome.Unknown($"The allowed principals are unknown: {service.AllowedPrincipals.UnknownReason}.", service.AllowedPrincipals.Source)
            : outcome;
    }
}
