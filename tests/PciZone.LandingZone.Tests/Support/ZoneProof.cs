using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace PciZone.LandingZone.Tests.Support;

/// <summary>
/// Plans every stage of a generated zone offline, in apply order, in a scratch copy: stages of the same
/// step run two at a time (the CI machine has two cores). Returns each stage's plan JSON path.
/// </summary>
internal static class ZoneProof
{
    /// <summary>Stages in apply order, grouped into steps whose members do not read each other.</summary>
    public static List<List<string>> Steps(string zoneDir)
    {
        var stages = Directory.GetDirectories(Path.Combine(zoneDir, "stages")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        return stages.GroupBy(s => s![..2] switch { "03" or "04" or "05" => "03", var p => p }).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Select(s => s!).ToList()).ToList();
    }

    /// <summary>Copies the zone to <paramref name="scratch"/> and plans every stage; failures name the stage and carry terraform's output.</summary>
    public static IReadOnlyDictionary<string, string> PlanAll(string zoneDir, string scratch, bool validate)
    {
        Terraform.CopyTree(zoneDir, scratch);
        var plans = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var failures = new ConcurrentBag<string>();
        foreach (var step in Steps(scratch))
        {
            Parallel.ForEach(step, new ParallelOptions { MaxDegreeOfParallelism = 2 }, stage =>
            {
                try
                {
                    plans[stage] = PlanStage(Path.Combine(scratch, "stages", stage), plans, validate);
                }
                catch (Exception ex)
                {
                    failures.Add($"{stage}: {ex.Message}");
                }
            });
            if (!failures.IsEmpty)
            {
                throw new InvalidOperationException(string.Join("\n\n", failures));
            }
        }

        return plans;
    }

    private static string PlanStage(string dir, IReadOnlyDictionary<string, string> plans, bool validate)
    {
        OfflineOverrides.Write(dir, name => plans.TryGetValue(OfflineOverrides.Upstream[name], out var plan)
            ? PlanOutputs.Read(plan)
            : throw new InvalidOperationException($"{Path.GetFileName(dir)} reads {name} before it is planned"));
        Check(Terraform.Run(dir, "init", "-input=false", "-no-color"), "terraform init");
        if (validate)
        {
            Check(Terraform.Run(dir, "validate", "-no-color"), "terraform validate");
        }

        Check(Terraform.Run(dir, "plan", "-input=false", "-no-color", "-refresh=false", "-lock=false", "-out=plan.bin"), "terraform plan");
        var show = Terraform.Run(dir, "show", "-json", "plan.bin");
        Check(show, "terraform show");
        var path = Path.Combine(dir, "plan.json");
        File.WriteAllText(path, show.Stdout);
        _ = JsonNode.Parse(show.Stdout);
        return path;
    }

    private static void Check(TerraformResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} exited {result.ExitCode}:\n{result.Output}");
        }
    }
}
