using PciZone.LandingZone.Docs;
using PciZone.LandingZone.Guardrails;
using PciZone.LandingZone.Spec;

namespace PciZone.LandingZone.Generation;

/// <summary>A generated zone held in memory: nothing touches the disk until every check has passed.</summary>
public sealed record GeneratedZone(
    IReadOnlyList<(string Path, string Text)> Files,
    IReadOnlyList<string> Stages,
    IReadOnlyList<ZoneControl> Controls,
    IReadOnlyList<(string Requirement, IReadOnlyList<string> Controls)> RequirementsMet);

/// <summary>Spec in, Terraform out. Validates everything first; throws <see cref="SpecException"/> with every problem.</summary>
public static class ZoneGenerator
{
    /// <summary>Generates the zone for a spec already read by <see cref="SpecReader"/>.</summary>
    public static GeneratedZone Generate(ZoneSpec spec, string toolVersion)
    {
        var errors = SpecValidator.Validate(spec).ToList();
        foreach (var (account, vpc) in spec.Vpcs().Where(v => v.Vpc.InternetEdge && string.IsNullOrEmpty(v.Vpc.DomainName)))
        {
            errors.Add(new SpecError(spec.File, vpc.Mark.Line, vpc.Mark.Column, $"VPC of account '{account.Key}' in {vpc.Region} has internetEdge but no domainName for its TLS certificate"));
        }

        var policies = ScpPacker.Pack(spec, errors);
        if (errors.Count > 0)
        {
            throw new SpecException(errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
        }

        var stages = new List<Stage>
        {
            OrganizationStage.Build(spec, policies),
            LoggingStages.LogArchive(spec),
            LoggingStages.Security(spec),
            LoggingStages.AuditTrail(spec),
            NetworkStages.Network(spec),
        };
        stages.AddRange(spec.Accounts
            .Where(a => a.Key is not ("management" or "log-archive" or "security-tooling" or "network"))
            .Select(a => NetworkStages.Account(spec, a)));

        var files = new List<(string, string)>();
        foreach (var stage in stages)
        {
            var dir = $"stages/{stage.Name}";
            var cde = spec.Account(stage.AccountKey)?.CardholderData == true;
            files.Add(($"{dir}/versions.tf", StageFiles.Versions(spec, stage)));
            files.Add(($"{dir}/providers.tf", StageFiles.Providers(spec, stage)));
            files.Add(($"{dir}/locals.tf", StageFiles.Locals(spec, stage, cde ? [KeyValuePair.Create("pcizone:cde", "true")] : [])));
            if (stage.Upstream.Count > 0)
            {
                files.Add(($"{dir}/remote_state.tf", StageFiles.RemoteState(spec, stage)));
            }

            files.Add(($"{dir}/main.tf", StageFiles.Render(stage.Main)));
            files.Add(($"{dir}/outputs.tf", StageFiles.Render(stage.Outputs).TrimEnd('\n') + "\n"));
        }

        files.AddRange(ModuleLibrary.Files);
        var controls = ControlCatalogue.For(policies);
        files.Add(("README.md", ReadmeWriter.Write(spec, stages, policies, controls, toolVersion)));
        return new GeneratedZone(
            files.OrderBy(f => f.Item1, StringComparer.Ordinal).ToList(),
            stages.Select(s => s.Name).ToList(),
            controls,
            ReadmeWriter.ByRequirement(controls).Select(r => (r.Id, (IReadOnlyList<string>)r.Controls)).ToList());
    }
}
