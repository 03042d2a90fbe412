using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3AccessPointPublicAccessBlocked : ResourceRule<S3AccessPoint>
{
    protected override Outcome Check(S3AccessPoint point, RuleContext context)
    {
        var kind = point.MultiRegion ? "Multi-Region Access Point" : "Access point";
        if (point.PublicAccessBlock.IsUnknown)
        {
            return Outcome.Unknown($"{kind} Block Public Access cannot be read: {point.PublicAccessBlock.UnknownReason}.", point.PublicAccessBlock.Source);
        }

        var pab = point.PublicAccessBlock.Get()!;
        if (pab.AllTrue)
        {
            return Outcome.Pass($"{kind} blocks public access with all four settings.");
        }

        if (pab.AnyUnknown)
        {
            return Outcome.Unknown($"Some {kind} Block Public Access settings are unknown until apply.", point.PublicAccessBlock.Source);
        }

        var off = new[]
        {
            ("BlockPublicAcls", pab.BlockPublicAcls), ("BlockPublicPolicy", pab.BlockPublicPolicy),
            ("IgnorePublicAcls", pab.IgnorePublicAcls), ("RestrictPublicBuckets", pab.RestrictPublicBuckets),
        }.Where(s => !s.Item2.Get()).ToList();
        return Outcome.Fail($"{kind} leaves {string.Join(", ", off.Select(s => s.Item1))} off.", off[0].Item2.Source);
    }
}
