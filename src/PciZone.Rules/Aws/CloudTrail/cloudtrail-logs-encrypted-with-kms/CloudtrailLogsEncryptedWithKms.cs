using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailLogsEncryptedWithKms : ResourceRule<Trail>
{
    protected override Outcome Check(Trail trail, RuleContext context) =>
        Outcome.MustBeTrue(trail.KmsKey.Map(k => k is not null),
            $"Trail log files are encrypted with KMS key {trail.KmsKey.GetOrDefault()}.",
            "Trail log files are encrypted with SSE-S3 only; no KMS key is set.");
}
