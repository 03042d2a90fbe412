using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

internal sealed class KmsCdeKeyMaterialGeneratedByAws : ResourceRule<KmsKey>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(KmsKey), typeof(Resource)];

    protected override bool AppliesTo(KmsKey key, RuleContext context) => CdeKeys.CdeReason(context.Estate, key) is not null;

    protected override Outcome Check(KmsKey key, RuleContext context)
    {
        if (key.Origin.IsUnknown)
        {
            return Outcome.Unknown($"Key origin cannot be read: {key.Origin.UnknownReason}.", key.Origin.Source);
        }

        return key.Origin.Get() switch
        {
            "AWS_KMS" => Outcome.Pass("CDE key material is generated inside AWS KMS."),
            "AWS_CLOUDHSM" => Outcome.Pass("CDE key material is generated inside a CloudHSM custom key store."),
            "EXTERNAL" => Outcome.Fail($"CDE key uses imported key material ({CdeKeys.CdeReason(context.Estate, key)}): it was generated and handled outside KMS.", key.Origin.Source),
            var origin => Outcome.Fail($"CDE key material lives outside AWS (origin {origin}, {CdeKeys.CdeReason(context.Estate, key)}).", key.Origin.Source),
        };
    }
}
