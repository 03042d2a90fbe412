using PciZone.Estate;

namespace PciZone.Rules.Aws.SSM;

internal sealed class SsmSessionIdleTimeoutAtMost15Minutes : SessionPreferencesRule
{
    private const int MaxMinutes = 15;

    protected override Outcome Check(SessionManagerPreferences p)
    {
        var timeout = p.IdleTimeoutMinutes;
        if (timeout.IsUnknown)
        {
            return Outcome.Unknown($"The idle session timeout cannot be read: {timeout.UnknownReason}.", timeout.Source);
        }

        var minutes = timeout.Get();
        return minutes <= MaxMinutes
            ? Outcome.Pass($"Idle sessions end after {minutes} minutes.")
            : Outcome.Fail($"Idle sessions end only after {minutes} minutes{(timeout.IsDefault ? " (the default, idleSessionTimeout not set)" : "")}, more than {MaxMinutes}.", timeout.Source);
    }
}
