using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3AccountPublicAccessBlocked : ResourceRule<S3AccountPublicAccessBlock>
{
    protected override Outcome Check(S3AccountPublicAccessBlock block, RuleContext context)
    {
        var settings = new[]
        {
            ("BlockPublicAcls", block.Settings.BlockPublicAcls), ("BlockPublicPolicy", block.Settings.BlockPublicPolicy),
            ("IgnorePublicAcls", block.Settings.IgnorePublicAcls), ("RestrictPublicBuckets", block.Settings.RestrictPublicBuckets),
        };
        var off = settings.Where(s => s.Item2.IsKnown && !s.Item2.Get()).ToList();
        if (off.Count > 0)
        {
            return Outcome.Fail($"Account-level public access block leaves {string.Join(", ", off.Select(s => s.Item1))} off.", off[0].Item2.Source);
        }

        return block.Settings.AnyUnknown
            ? Outcome.Unknown("Some account-level public access block settings are unknown until apply.")
            : Outcome.Pass("All four account-level public access block settings are on.");
    }
}
