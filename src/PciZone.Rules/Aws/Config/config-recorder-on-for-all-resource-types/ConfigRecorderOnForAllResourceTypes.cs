using PciZone.Estate;

namespace PciZone.Rules.Aws.Config;

internal sealed class ConfigRecorderOnForAllResourceTypes : ResourceRule<ConfigRecorder>
{
    protected override Outcome Check(ConfigRecorder recorder, RuleContext context)
    {
        var checks = new[]
        {
            (Ok: recorder.AllSupported, Gap: "records only selected resource types, not all supported ones"),
            (Ok: recorder.IncludeGlobalResourceTypes, Gap: "leaves out global resource types (IAM users, roles, policies)"),
            (Ok: recorder.IsRecording, Gap: "is not switched on (its recorder status is off or missing)"),
        };
        var gaps = checks.Where(c => c.Ok.IsKnown && !c.Ok.Get()).ToList();
        if (gaps.Count > 0)
        {
            return Outcome.Fail($"Config recorder {string.Join("; ", gaps.Select(g => g.Gap))}.", gaps[0].Ok.Source);
        }

        var unknown = checks.FirstOrDefault(c => c.Ok.IsUnknown);
        return unknown.Gap is not null
            ? Outcome.Unknown($"Cannot tell whether the Config recorder {unknown.Gap}: {unknown.Ok.UnknownReason}.", unknown.Ok.Source)
            : Outcome.Pass("Config recorder is on and records all supported resource types, global ones included.");
    }
}
