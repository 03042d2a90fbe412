using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailInsightsEnabled : ResourceRule<Trail>
{
    private const string CallRate = "ApiCallRateInsight";
    private const string ErrorRate = "ApiErrorRateInsight";

    protected override Outcome Check(Trail trail, RuleContext context) =>
        TrailGaps.CoveredByAnother(trail, Assess(trail), context.Estate, Assess,
            "runs CloudTrail Insights on API call and error rates",
            "cloudtrail-covering-insights");

    private static Outcome Assess(Trail trail) => TrailGaps.Decide(
        [
            (trail.InsightTypes.Map(t => t.Contains(CallRate, StringComparer.Ordinal)), $"does not select {CallRate} (unusual API call volumes)"),
            (trail.InsightTypes.Map(t => t.Contains(ErrorRate, StringComparer.Ordinal)), $"does not select {ErrorRate} (unusual API error rates)"),
        ],
        $"Trail runs CloudTrail Insights for {CallRate} and {ErrorRate}.");
}
