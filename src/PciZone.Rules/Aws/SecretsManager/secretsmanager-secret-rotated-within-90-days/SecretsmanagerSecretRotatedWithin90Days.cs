using PciZone.Estate;

namespace PciZone.Rules.Aws.SecretsManager;

internal sealed class SecretsmanagerSecretRotatedWithin90Days : ResourceRule<SecretsManagerSecret>
{
    private const int MaxDays = 90;

    protected override Outcome Check(SecretsManagerSecret secret, RuleContext context)
    {
        if (secret.RotationEnabled.IsKnown && !secret.RotationEnabled.Get())
        {
            return Outcome.Fail($"Secret never rotates, so it is not rotated within {MaxDays} days.");
        }

        var days = secret.RotationIntervalDays;
        if (secret.RotationEnabled.IsUnknown || days.IsUnknown)
        {
            return Outcome.Unknown($"The rotation interval cannot be read: {days.UnknownReason ?? secret.RotationEnabled.UnknownReason}.", days.Source);
        }

        return days.Get() switch
        {
            null => Outcome.Unknown("Rotation is on but its schedule gives no interval.", days.Source),
            <= MaxDays and var d => Outcome.Pass($"Secret rotates at least every {d} days."),
            var d => Outcome.Fail($"Secret rotates only every {d} days, more than {MaxDays}.", days.Source),
        };
    }
}
