using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

internal sealed class KmsCdeKeySingleRegion : ResourceRule<KmsKey>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(KmsKey), typeof(Resource)];

    protected override bool AppliesTo(KmsKey key, RuleContext context) => CdeKeys.CdeReason(context.Estate, key) is not null;

    protected override Outcome Check(KmsKey key, RuleContext context) =>
        Outcome.MustBeFalse(
            key.MultiRegion,
            "CDE key is a single-Region key.",
            $"CDE key is a multi-Region key ({CdeKeys.CdeReason(context.Estate, key)}): its material can be replicated to other Regions.");
}
