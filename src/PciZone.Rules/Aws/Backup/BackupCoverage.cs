using PciZone.Estate;

namespace PciZone.Rules.Aws.Backup;

/// <summary>
/// Whether an AWS Backup plan protects a resource, by AWS Backup's selection rules: a selection picks the
/// resources its <c>Resources</c> name (links, ARNs, ARN patterns with <c>*</c>) OR whose tags meet one of its
/// <c>ListOfTags</c> (selection_tag); its <c>Conditions</c> then narrow that set (all must hold) and its
/// <c>NotResources</c> take resources out. A selection protects only when its plan has at least one rule;
/// a plan outside the scanned code counts, since AWS creates no plan without a rule. Service opt-in
/// (Region settings) is not modelled: it does not apply to resource types a selection names by ARN.
/// Built once per estate; each lookup walks the direct links to the resource and the few broad
/// selections (patterns, tags, unknowns), so a scan stays linear.
/// </summary>
internal static class BackupCoverage
{
    private const string ResourceTagPrefix = "aws:ResourceTag/";

    /// <summary>The best selection for the resource: a definite one first, else one that may pick it.</summary>
    /// <param name="Match">Definite, Possible or None.</param>
    /// <param name="Selection">Address of the selection, when any.</param>
    /// <param name="Why">How it picks the resource, or why it is unknown.</param>
    public sealed record Result(Match Match, string? Selection, string Why);

    /// <summary>Whether a selection of a plan with a rule picks <paramref name="resource"/>.</summary>
    public static Result Find(AwsEstate estate, Resource resource, BackupArn arn)
    {
        Result? possible = null;
        foreach (var result in All(estate, resource, arn))
        {
            if (result.Match == Match.Definite)
            {
                return result;
            }

            possible ??= result;
        }

        return possible ?? new Result(Match.None, null, "no backup selection in the estate picks it");
    }

    /// <summary>True when no selection of a plan with a rule exists: nothing is protected, nothing to match.</summary>
    public static bool NoSelections(AwsEstate estate)
    {
        var index = estate.Memo("backup-coverage", Build);
        return index.Linked.Count == 0 && index.Broad.Count == 0;
    }

    /// <summary>Every selection of a plan with a rule that picks, or may pick, <paramref name="resource"/>.</summary>
    public static IEnumerable<Result> All(AwsEstate estate, Resource resource, BackupArn arn)
    {
        var index = estate.Memo("backup-coverage", Build);
        foreach (var selection in index.Linked.GetValueOrDefault(resource.Address, []).Concat(index.Broad))
        {
            var result = Evaluate(selection, resource, arn);
            if (result.Match != Match.None)
            {
                yield return result;
            }
        }
    }

    private static Result Evaluate(Candidate c, Resource resource, BackupArn arn)
    {
        var s = c.Selection;
        var (picked, why) = Picks(s, resource, arn);
        if (picked == Match.None)
        {
            return new Result(Match.None, null, "");
        }

        foreach (var (cap, reason) in Narrowing(c, resource, arn))
        {
            if (cap == Match.None)
            {
                return new Result(Match.None, null, "");
            }

            if (cap == Match.Possible && picked == Match.Definite)
            {
                (picked, why) = (Match.Possible, reason);
            }
        }

        return new Result(picked, s.Address, why);
    }

    // Resources OR ListOfTags.
    private static (Match Match, string Why) Picks(BackupSelection s, Resource resource, BackupArn arn)
    {
        var best = (Match: Match.None, Why: "");
        foreach (var r in s.Resources.GetOrDefault([])!)
        {
            var m = r.Address is { } address
                ? address == resource.Address ? Match.Definite : Match.None
                : r.Literal is { } literal ? arn.Matches(literal) : Match.None;
            if (m > best.Match)
            {
                best = (m, m == Match.Definite ? $"names it ({r})" : $"pattern {r} may match it once its id is known");
            }
        }

        foreach (var tag in s.SelectionTags.GetOrDefault([])!)
        {
            if (best.Match < Match.Definite && TagEquals(resource, Key(tag.Key), tag.Value))
            {
                best = (Match.Definite, $"selects the tag {Key(tag.Key)}={tag.Value}");
            }
        }

        if (best.Match < Match.Definite && (s.Resources.IsUnknown || s.SelectionTags.IsUnknown))
        {
            var unknown = s.Resources.IsUnknown ? s.Resources.UnknownReason : s.SelectionTags.UnknownReason;
            best = (Match.Possible, $"its resources or tags are unknown until apply ({unknown})");
        }

        return best;
    }

    // Conditions (AND), NotResources and the plan each keep, cap at Possible, or drop the pick.
    private static IEnumerable<(Match Cap, string Why)> Narrowing(Candidate c, Resource resource, BackupArn arn)
    {
        var s = c.Selection;
        if (s.Conditions.IsUnknown)
        {
            yield return (Match.Possible, $"its conditions are unknown until apply ({s.Conditions.UnknownReason})");
        }
        else if (s.Conditions.Get().Any(x => !Holds(x, resource)))
        {
            yield return (Match.None, "");
        }

        if (s.NotResources.IsUnknown)
        {
            yield return (Match.Possible, $"its exclusions are unknown until apply ({s.NotResources.UnknownReason})");
        }
        else
        {
            foreach (var r in s.NotResources.Get())
            {
                var m = r.Address is { } address
                    ? address == resource.Address ? Match.Definite : Match.None
                    : r.Literal is { } literal ? arn.Matches(literal) : Match.None;
                if (m != Match.None)
                {
                    yield return (m == Match.Definite ? Match.None : Match.Possible, $"its exclusion {r} may match it");
                }
            }
        }

        yield return c.Plan;
    }

    private static bool Holds(BackupTagCondition c, Resource resource)
    {
        var present = resource.Tags.TryGetValue(c.Key, out var value);
        return c.Operator switch
        {
            "StringEquals" => present && value == c.Value,
            "StringNotEquals" => !present || value != c.Value,
            "StringLike" => present && Wildcard.Matches(c.Value, value!, ignoreCase: false, questionMark: false),
            "StringNotLike" => !present || !Wildcard.Matches(c.Value, value!, ignoreCase: false, questionMark: false),
            _ => false,
        };
    }

    private static bool TagEquals(Resource resource, string key, string value) =>
        resource.Tags.TryGetValue(key, out var v) && v == value;

    // ListOfTags keys are written either bare or as aws:ResourceTag/<key>.
    private static string Key(string key) =>
        key.StartsWith(ResourceTagPrefix, StringComparison.Ordinal) ? key[ResourceTagPrefix.Length..] : key;

    private static Index Build(AwsEstate estate)
    {
        var index = new Index();
        foreach (var selection in estate.OfType<BackupSelection>())
        {
            var candidate = new Candidate(selection, PlanState(estate, selection));
            if (candidate.Plan.Cap == Match.None)
            {
                continue;
            }

            var broad = selection.Resources.IsUnknown || selection.SelectionTags.IsUnknown ||
                        selection.SelectionTags.Get().Count > 0;
            foreach (var r in selection.Resources.GetOrDefault([])!)
            {
                if (r.Address is { } address)
                {
                    if (!index.Linked.TryGetValue(address, out var list))
                    {
                        index.Linked[address] = list = [];
                    }

                    list.Add(candidate);
                }
                else
                {
                    broad = true;
                }
            }

            if (broad)
            {
                index.Broad.Add(candidate);
            }
        }

        return index;
    }

    private static (Match Cap, string Why) PlanState(AwsEstate estate, BackupSelection selection)
    {
        if (!selection.Plan.TryGet(out var plan) || plan is null)
        {
            return (Match.Possible, $"its plan is unknown ({selection.Plan.UnknownReason ?? "not set"})");
        }

        if (plan.Address is null || estate.Find(plan.Address) is not BackupPlan found)
        {
            return (Match.Definite, "");
        }

        return found.Rules switch
        {
            { IsUnknown: true } => (Match.Possible, $"the rules of plan {found.Address} are unknown until apply"),
            var rules when rules.Get().Count == 0 => (Match.None, ""),
            _ => (Match.Definite, ""),
        };
    }

    private sealed record Candidate(BackupSelection Selection, (Match Cap, string Why) Plan);

    private sealed class Index
    {
        public Dictionary<string, List<Candidate>> Linked { get; } = new(StringComparer.Ordinal);

        public List<Candidate> Broad { get; } = [];
    }
}
