using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class AmiPublicSharingBlocked : ResourceRule<ImageBlockPublicAccess>
{
    protected override Outcome Check(ImageBlockPublicAccess setting, RuleContext context)
    {
        if (setting.State.IsUnknown)
        {
            return Outcome.Unknown($"The state is unknown: {setting.State.UnknownReason}.", setting.State.Source);
        }

        return setting.State.Get() == "block-new-sharing"
            ? Outcome.Pass("New public sharing of AMIs is blocked.")
            : Outcome.Fail($"Block public access for AMIs is \"{setting.State.Get()}\": images can be made public.", setting.State.Source);
    }
}
