using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class MetricAlarmHasAlarmAction : ResourceRule<MetricAlarm>
{
    protected override Outcome Check(MetricAlarm alarm, RuleContext context)
    {
        var notifies = MetricAlarms.Notifies(alarm);
        if (notifies.IsUnknown)
        {
            return Outcome.Unknown($"Cannot tell whether the alarm acts when it fires: {notifies.UnknownReason}.", notifies.Source);
        }

        if (notifies.Get())
        {
            return Outcome.Pass($"Alarm runs {string.Join(", ", alarm.AlarmActions.Get())} in the ALARM state.");
        }

        return alarm.ActionsEnabled.IsKnown && !alarm.ActionsEnabled.Get()
            ? Outcome.Fail("Alarm has its actions disabled (actions_enabled / ActionsEnabled false), so nobody is told when it fires.", alarm.ActionsEnabled.Source)
            : Outcome.Fail("Alarm has no ALARM action, so nobody is told when it fires.", alarm.AlarmActions.Source);
    }
}
