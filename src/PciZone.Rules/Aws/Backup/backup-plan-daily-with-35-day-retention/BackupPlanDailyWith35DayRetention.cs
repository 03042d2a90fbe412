using PciZone.Estate;

namespace PciZone.Rules.Aws.Backup;

internal sealed class BackupPlanDailyWith35DayRetention : ResourceRule<BackupPlan>
{
    private const int MinRetentionDays = 35;

    protected override Outcome Check(BackupPlan plan, RuleContext context)
    {
        if (plan.Rules.IsUnknown)
        {
            return Outcome.Unknown($"The plan's rules cannot be read: {plan.Rules.UnknownReason}.", plan.Rules.Source);
        }

        var unknown = false;
        var problems = new List<string>();
        foreach (var rule in plan.Rules.Get())
        {
            if (rule.Schedule.IsUnknown || rule.DeleteAfterDays.IsUnknown)
            {
                unknown = true;
                continue;
            }

            var daily = IsAtLeastDaily(rule.Schedule.Get() ?? "");
            var keeps = rule.DeleteAfterDays.Get() is not { } days || days >= MinRetentionDays;
            if (daily && keeps)
            {
                return Outcome.Pass($"Rule {rule.Name} backs up at least daily and keeps recovery points {(rule.DeleteAfterDays.Get() is { } d ? $"{d} days" : "until deleted")}.");
            }

            problems.Add($"{rule.Name} {(daily ? "" : $"runs less than daily ({rule.Schedule.Get()})")}{(daily || keeps ? "" : " and ")}{(keeps ? "" : $"keeps only {rule.DeleteAfterDays.Get()} days")}");
        }

        if (unknown)
        {
            return Outcome.Unknown("A rule's schedule or retention is unknown until apply.", plan.Rules.Source);
        }

        return problems.Count == 0
            ? Outcome.Fail("Backup plan has no rules.", plan.Rules.Source)
            : Outcome.Fail($"No rule backs up at least daily with {MinRetentionDays} days' retention: {string.Join("; ", problems)}.", plan.Rules.Source);
    }

    // cron(minutes hours day-of-month month day-of-week year): daily when every day of every month matches.
    private static bool IsAtLeastDaily(string schedule)
    {
        var s = schedule.Trim();
        if (!s.StartsWith("cron(", StringComparison.OrdinalIgnoreCase) || !s.EndsWith(')'))
        {
            return false;
        }

        var f = s[5..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return f.Length >= 5 && f[3] == "*" && EveryDay(f[2]) && EveryDay(f[4]);
    }

    private static bool EveryDay(string field) => field is "*" or "?" or "*/1" or "1/1";
}
