using PciZone.Estate;

namespace PciZone.Rules.Aws.Backup;

internal sealed class BackupPlanCdeRecoveryPointsExpire : ResourceRule<BackupPlan>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(BackupPlan), typeof(BackupSelection), .. BackupArns.Types];

    protected override bool AppliesTo(BackupPlan plan, RuleContext context) => CdePlans(context.Estate).ContainsKey(plan.Address);

    protected override Outcome Check(BackupPlan plan, RuleContext context)
    {
        var why = CdePlans(context.Estate)[plan.Address];
        if (plan.Rules.IsUnknown)
        {
            return Outcome.Unknown($"The plan backs up CDE data ({why}) but its rules are unknown: {plan.Rules.UnknownReason}.", plan.Rules.Source);
        }

        var longest = 0;
        foreach (var rule in plan.Rules.Get())
        {
            foreach (var (days, what) in rule.CopyDeleteAfterDays.Select(d => (d, $"copies of rule {rule.Name}")).Prepend((rule.DeleteAfterDays, $"rule {rule.Name}")))
            {
                if (days.IsUnknown)
                {
                    return Outcome.Unknown($"The retention of {what} is unknown: {days.UnknownReason}.", days.Source);
                }

                if (days.Get() is not { } d)
                {
                    return Outcome.Fail($"The plan backs up CDE data ({why}), but {what} keeps recovery points forever: set a delete_after within the cardholder-data retention period.", days.Source);
                }

                longest = Math.Max(longest, d);
            }
        }

        return Outcome.Pass($"Every recovery point of the plan expires, after {longest} days at most; check this against the documented cardholder-data retention period.");
    }

    // Plan address -> why it backs up CDE data: a selection definitely picks a CDE-tagged data store, or
    // selects by the CDE tags themselves (then it picks every CDE resource of the account, here or not).
    private static Dictionary<string, string> CdePlans(AwsEstate estate) => estate.Memo("backup-cde-plans", e =>
    {
        var plans = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var selection in e.OfType<BackupSelection>())
        {
            if (selection.Plan.GetOrDefault()?.Address is { } plan && CdeTagSelection(selection) is { } tag)
            {
                plans.TryAdd(plan, $"selection {selection.Address} selects the tag {tag}");
            }
        }

        foreach (var resource in e.Resources.Where(CdeTags.IsCde))
        {
            if (BackupArns.For(resource) is not { } arn)
            {
                continue;
            }

            foreach (var found in BackupCoverage.All(e, resource, arn).Where(r => r.Match == Match.Definite))
            {
                if (e.Find(found.Selection!) is BackupSelection { Plan: var p } && p.GetOrDefault()?.Address is { } plan)
                {
                    plans.TryAdd(plan, $"selection {found.Selection} picks the CDE resource {resource.Address}");
                }
            }
        }

        return plans;
    });

    private static string? CdeTagSelection(BackupSelection selection)
    {
        var equalities = selection.SelectionTags.GetOrDefault([])!.Select(t => (Key: t.Key.Replace("aws:ResourceTag/", "", StringComparison.Ordinal), t.Value))
            .Concat(selection.Conditions.GetOrDefault([])!.Where(c => c.Operator == "StringEquals").Select(c => (c.Key, c.Value)));
        return equalities
            .Where(t => (t.Key == CdeTags.Cde && t.Value.Equals("true", StringComparison.OrdinalIgnoreCase)) || (t.Key == CdeTags.DataClass && t.Value == "cardholder-data"))
            .Select(t => $"{t.Key}={t.Value}")
            .FirstOrDefault();
    }
}
