using PciZone.Scope.Reach;
using PciZone.Scope.Result;

namespace PciZone.Scope.Classify;

/// <summary>
/// The three segmentation checks. Each reachable or unknown flow that is not declared becomes a
/// violation carrying the flow and its path: internet to the CDE other than through an entry point;
/// a non-CDE system to the CDE other than on a declared flow; the CDE to the internet or to non-CDE
/// systems other than to a declared destination.
/// </summary>
internal static class SegmentationChecks
{
    public const string InternetToCde = "internet-to-cde";
    public const string NonCdeToCde = "non-cde-to-cde";
    public const string CdeEgress = "cde-egress";

    public static List<SegmentationViolation> Run(AnalysisContext ctx, IReadOnlyList<Flow> flows, Func<string, IReadOnlyList<string>> requirements)
    {
        var result = new List<SegmentationViolation>();
        foreach (var f in flows.Where(f => f.Verdict != FlowVerdict.Blocked && !f.Declared))
        {
            var fromInternet = f.From == Explainer.InternetName;
            var toInternet = f.To == Explainer.InternetName;
            var fromCde = ctx.IsCdeName(f.From);
            var toCde = ctx.IsCdeName(f.To);
            var maybe = f.Verdict == FlowVerdict.Unknown ? " may be" : " is";
            if (fromInternet && toCde)
            {
                result.Add(new SegmentationViolation(InternetToCde, f, requirements(InternetToCde),
                    $"{f.To}{maybe} reachable from the internet ({f.Traffic}) other than through a declared entry point"));
            }
            else if (!fromInternet && !fromCde && toCde)
            {
                result.Add(new SegmentationViolation(NonCdeToCde, f, requirements(NonCdeToCde),
                    $"{f.To}{maybe} reachable from the non-CDE system {f.From} ({f.Traffic}) on an undeclared flow"));
            }
            else if (fromCde && (toInternet || !toCde))
            {
                result.Add(new SegmentationViolation(CdeEgress, f, requirements(CdeEgress),
                    $"{f.From}{(f.Verdict == FlowVerdict.Unknown ? " may send" : " sends")} traffic to {(toInternet ? "the internet" : f.To)} ({f.Traffic}), not a declared destination"));
            }
        }

        return result;
    }
}
