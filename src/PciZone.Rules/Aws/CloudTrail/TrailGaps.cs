using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

/// <summary>
/// Builds a trail outcome from named gaps, and lets an account-wide duty be met by another trail:
/// one logging trail that records what is required covers every other trail in the estate.
/// </summary>
internal static class TrailGaps
{
    /// <summary>Fail listing the known gaps, else Unknown listing the unknown checks, else Pass.</summary>
    /// <param name="subject">What the gaps are about, starting the sentence (<c>Trail</c>).</param>
    public static Outcome Decide(IEnumerable<(Value<bool> Ok, string Gap)> checks, string passMessage, string subject = "Trail")
    {
        var list = checks.ToList();
        var gaps = list.Where(c => c.Ok.IsKnown && !c.Ok.Get()).ToList();
        if (gaps.Count > 0)
        {
            return Outcome.Fail($"{subject} {string.Join("; ", gaps.Select(g => g.Gap))}.", gaps[0].Ok.Source);
        }

        var unknown = list.Where(c => c.Ok.IsUnknown).ToList();
        return unknown.Count > 0
            ? Outcome.Unknown($"Cannot tell whether {char.ToLowerInvariant(subject[0])}{subject[1..]} {string.Join(" or ", unknown.Select(g => g.Gap))}: {unknown[0].Ok.UnknownReason}.", unknown[0].Ok.Source)
            : Outcome.Pass(passMessage);
    }

    /// <summary>A failing trail passes when another trail that is logging meets the duty on its own.</summary>
    /// <param name="indexKey">Names <paramref name="assess"/> for the per-estate list of trails that meet the duty.</param>
    public static Outcome CoveredByAnother(Trail trail, Outcome own, AwsEstate estate, Func<Trail, Outcome> assess, string duty, string indexKey)
    {
        if (own.Status != FindingStatus.Fail)
        {
            return own;
        }

        // Only the first two can be the first one that is not this trail.
        var covering = estate.Memo(indexKey, e => e.OfType<Trail>()
            .Where(t => t.IsLogging.GetOrDefault() && assess(t).Status == FindingStatus.Pass)
            .Take(2)
            .ToArray());
        var cover = covering.FirstOrDefault(t => !ReferenceEquals(t, trail));
        return cover is null
            ? own
            : Outcome.Pass($"Covered by trail {cover.Address}, which {duty} for the account. On its own: {own.Message}");
    }
}
