using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Detection;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Rules;

/// <summary>The outcome of one sample file of a rule folder.</summary>
/// <param name="File">The sample file.</param>
/// <param name="ExpectMatch">True for <c>match/</c>, false for <c>nomatch/</c>.</param>
/// <param name="Alerts">Alerts of the rule the sample raised.</param>
/// <param name="Passed">A match sample raised at least one alert and a nomatch sample none, and the sample read cleanly.</param>
/// <param name="Message">Why it failed, or empty.</param>
public sealed record RuleSampleOutcome(string File, bool ExpectMatch, int Alerts, bool Passed, string Message);

/// <summary>Runs a rule folder's samples: what <c>pcizone monitor rules test</c> and the meta-test do.</summary>
public static class RuleSamples
{
    /// <summary>
    /// Loads <c>rule.yaml</c> of <paramref name="ruleFolder"/> and runs every <c>match/*.json</c> and
    /// <c>nomatch/*.json</c> through a fresh detector each. Load errors come back in <paramref name="errors"/>;
    /// a folder without samples of either kind gets an error too.
    /// </summary>
    public static IReadOnlyList<RuleSampleOutcome> Run(
        string ruleFolder,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? placeholders,
        out IReadOnlyList<RuleLoadError> errors)
    {
        var set = MonitorRules.Load(false, [Path.Combine(ruleFolder, "rule.yaml")], placeholders);
        var list = new List<RuleLoadError>(set.Errors);
        errors = list;
        var outcomes = new List<RuleSampleOutcome>();
        if (set.Rules.Count != 1)
        {
            return outcomes;
        }

        var id = set.Rules[0].Id;
        foreach (var (folder, expect) in new[] { ("match", true), ("nomatch", false) })
        {
            var dir = Path.Combine(ruleFolder, folder);
            var files = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal).ToList() : [];
            if (files.Count == 0)
            {
                list.Add(new RuleLoadError(Path.Combine(ruleFolder, folder), 0, 0, $"the rule needs at least one {folder}/*.json sample"));
            }

            foreach (var file in files)
            {
                outcomes.Add(RunOne(set, id, file, expect));
            }
        }

        return outcomes;
    }

    private static RuleSampleOutcome RunOne(MonitorRuleSet set, string id, string file, bool expect)
    {
        var detector = MonitorDetector.Create(set, 10_000);
        var alerts = new List<Alert>();
        ObjectResult result;
        using (var stream = File.OpenRead(file))
        {
            result = detector.Process(stream, file, alerts);
        }

        var count = alerts.Count(a => a.RuleId == id);
        var message = result.Kind != ObjectKind.CloudTrail || result.Problems.Count > 0
            ? $"the sample did not read cleanly ({result.Kind}{string.Concat(result.Problems.Select(p => "; " + p.Position + ": " + p.Message))})"
            : expect && count == 0 ? "a match sample raised no alert"
            : !expect && count > 0 ? $"a nomatch sample raised {count} alert(s)"
            : "";
        return new RuleSampleOutcome(file, expect, count, message.Length == 0, message);
    }
}
