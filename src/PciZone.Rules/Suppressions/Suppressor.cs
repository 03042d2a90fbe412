using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Suppressions;

/// <summary>What applying suppressions did: the findings, and the problems a user must hear about.</summary>
public sealed record SuppressionResult(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Warnings);

/// <summary>
/// Turns failed and unknown findings into suppressed ones where an exception or an inline comment
/// covers them. Passes are never touched. An expired exception does not suppress: the finding stays a
/// failure and its message says the exception expired. The reason, origin, approver and expiry go into
/// the finding's suppression reason, so every output format shows them.
/// </summary>
public static class Suppressor
{
    public static SuppressionResult Apply(
        IReadOnlyList<Finding> findings, AwsEstate estate, IReadOnlyList<RuleException> exceptions, bool inline, DateOnly today)
    {
        var used = new HashSet<RuleException>();
        var warnings = new List<string>();
        var result = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            if (finding.Status is not (FindingStatus.Fail or FindingStatus.Unknown))
            {
                result.Add(finding);
                continue;
            }

            var exception = exceptions.FirstOrDefault(e => Covers(e, finding));
            if (exception is not null)
            {
                used.Add(exception);
                if (today > exception.Expires)
                {
                    result.Add(finding with { Message = $"{finding.Message} (exception at {exception.File}:{exception.Line} expired {exception.Expires:yyyy-MM-dd})" });
                    continue;
                }

                var control = exception.CompensatingControl is { } c ? $"; compensating control: {c}" : "";
                result.Add(finding with
                {
                    Status = FindingStatus.Suppressed,
                    SuppressionReason = $"{exception.Reason} [exception {exception.File}:{exception.Line}; approved by {exception.Approver}; expires {exception.Expires:yyyy-MM-dd}{control}]",
                });
                continue;
            }

            if (inline && estate.Find(finding.ResourceAddress)?.InlineSuppressions is { Count: > 0 } written
                && written.FirstOrDefault(s => Names(s.RuleId, finding.Rule)) is { } comment)
            {
                var reason = comment.Reason.Length > 0 ? comment.Reason : "(no reason given)";
                result.Add(finding with
                {
                    Status = FindingStatus.Suppressed,
                    SuppressionReason = $"{reason} [inline pcizone:ignore at {comment.Source.File}:{comment.Source.Line}]",
                    SuppressedInSource = true,
                });
                continue;
            }

            result.Add(finding);
        }

        foreach (var e in exceptions)
        {
            if (today > e.Expires)
            {
                warnings.Add($"{e.File}:{e.Line}: exception for {e.Rule} on {e.ResourcePattern} expired {e.Expires:yyyy-MM-dd}; its findings count as failures");
            }
            else if (!used.Contains(e))
            {
                warnings.Add($"{e.File}:{e.Line}: exception for {e.Rule} on {e.ResourcePattern} matches no failed or unknown finding");
            }
        }

        return new SuppressionResult(result, warnings);
    }

    private static bool Covers(RuleException e, Finding f) =>
        Names(e.Rule, f.Rule) && Wildcard.Matches(e.ResourcePattern, f.ResourceAddress);

    private static bool Names(string idOrSlug, RuleDescriptor rule) =>
        string.Equals(idOrSlug, rule.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(idOrSlug, rule.Slug, StringComparison.OrdinalIgnoreCase);
}
