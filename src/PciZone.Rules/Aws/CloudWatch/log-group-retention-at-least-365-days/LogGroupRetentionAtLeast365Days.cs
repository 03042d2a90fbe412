using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class LogGroupRetentionAtLeast365Days : ResourceRule<LogGroup>
{
    private const int MinimumDays = 365;

    protected override Outcome Check(LogGroup group, RuleContext context)
    {
        if (!group.RetentionDays.TryGet(out var days))
        {
            return Outcome.Unknown($"Retention cannot be read: {group.RetentionDays.UnknownReason}.", group.RetentionDays.Source);
        }

        return days switch
        {
            0 => Outcome.Pass("Log events never expire."),
            >= MinimumDays => Outcome.Pass($"Log events are kept {days} days."),
            _ => Outcome.Fail($"Log events are kept {days} days, fewer than the {MinimumDays} days PCI DSS requires.", group.RetentionDays.Source),
        };
    }
}
