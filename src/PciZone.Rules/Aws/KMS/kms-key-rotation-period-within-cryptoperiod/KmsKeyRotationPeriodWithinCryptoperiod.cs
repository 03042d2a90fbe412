using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

internal sealed class KmsKeyRotationPeriodWithinCryptoperiod : ResourceRule<KmsKey>
{
    private const int CryptoperiodDays = 365;

    // Keys that do not rotate at all are PCZ-KMS-001's finding; this rule judges the period of those that do.
    protected override bool AppliesTo(KmsKey key, RuleContext context) =>
        key.IsSymmetricEncryption && key.RotationEnabled.GetOrDefault(true);

    protected override Outcome Check(KmsKey key, RuleContext context)
    {
        if (key.RotationEnabled.IsUnknown || key.RotationPeriodDays.IsUnknown)
        {
            var unknown = key.RotationEnabled.IsUnknown ? key.RotationEnabled.UnknownReason : key.RotationPeriodDays.UnknownReason;
            return Outcome.Unknown($"Rotation period cannot be read: {unknown}.");
        }

        var days = key.RotationPeriodDays.Get() ?? CryptoperiodDays;
        return days <= CryptoperiodDays
            ? Outcome.Pass($"Key rotates every {days} days.")
            : Outcome.Fail($"Key rotates every {days} days, longer than the {CryptoperiodDays}-day cryptoperiod.", key.RotationPeriodDays.Source);
    }
}
