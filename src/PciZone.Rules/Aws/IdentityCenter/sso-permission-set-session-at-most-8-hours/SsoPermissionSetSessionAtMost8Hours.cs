using System.Xml;
using PciZone.Estate;

namespace PciZone.Rules.Aws.IdentityCenter;

internal sealed class SsoPermissionSetSessionAtMost8Hours : ResourceRule<PermissionSet>
{
    private static readonly TimeSpan Limit = TimeSpan.FromHours(8);

    protected override Outcome Check(PermissionSet set, RuleContext context)
    {
        if (set.SessionDuration.IsUnknown)
        {
            return Outcome.Unknown($"The session duration is unknown: {set.SessionDuration.UnknownReason}.", set.SessionDuration.Source);
        }

        var text = set.SessionDuration.Get() ?? "PT1H";
        TimeSpan duration;
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            return Outcome.Unknown($"The session duration '{text}' is not an ISO-8601 duration.", set.SessionDuration.Source);
        }

        return duration <= Limit
            ? Outcome.Pass($"Sessions last at most {text}{(set.SessionDuration.IsDefault ? " (AWS's default)" : "")}.")
            : Outcome.Fail($"Sessions last {text}, longer than 8 hours: a forgotten sign-in stays valid past a working day.", set.SessionDuration.Source);
    }
}
