using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class EbsDefaultEncryptionEnabled : ResourceRule<EbsDefaultEncryption>
{
    protected override Outcome Check(EbsDefaultEncryption setting, RuleContext context) =>
        Outcome.MustBeTrue(
            setting.Enabled,
            "Default EBS encryption is on for the account and region.",
            "Default EBS encryption is turned off for the account and region.");
}
