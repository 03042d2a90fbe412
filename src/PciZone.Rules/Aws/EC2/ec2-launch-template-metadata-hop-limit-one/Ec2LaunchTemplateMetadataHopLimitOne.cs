using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class Ec2LaunchTemplateMetadataHopLimitOne : ResourceRule<LaunchTemplate>
{
    protected override Outcome Check(LaunchTemplate template, RuleContext context)
    {
        if (template.MetadataHttpEndpoint.GetOrDefault() == "disabled")
        {
            return Outcome.Pass("Instances launched from it have the metadata endpoint disabled.");
        }

        var hops = template.MetadataHopLimit;
        if (hops.IsUnknown)
        {
            return Outcome.Unknown($"The metadata hop limit is unknown: {hops.UnknownReason}.", hops.Source);
        }

        return hops.Get() <= 1
            ? Outcome.Pass($"Metadata responses stay on the host (hop limit {hops.Get()}{(hops.IsDefault ? ", AWS default" : "")}).")
            : Outcome.Fail($"The metadata hop limit is {hops.Get()}: containers or forwarded traffic can fetch the instance's credentials.", hops.Source);
    }
}
