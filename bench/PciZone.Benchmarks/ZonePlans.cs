using System.Diagnostics;
using System.Globalization;
using PciZone.LandingZone.Generation;
using PciZone.LandingZone.Spec;
using PciZone.LandingZone.Tests.Support;

namespace PciZone.Benchmarks;

/// <summary>
/// <c>--zone-plans SPEC</c>: generates the zone and plans every stage offline, one at a time, the way
/// the proof test does (same override file, remote state from the upstream plans). For each stage it
/// reports the wall time of <c>terraform plan</c> and the peak resident memory of terraform and its
/// provider processes together, sampled every 20 ms from /proc.
/// </summary>
internal static class ZonePlans
{
    public static int Run(string specPath)
    {
        var repo = FindRepo();
        var clock = Stopwatch.StartNew();
        var zone = ZoneGenerator.Generate(SpecReader.Read(specPath), "bench");
        var generateMs = clock.Elapsed.TotalMilliseconds;
        var dir = Directory.CreateTempSubdirectory("pcizone-zone-plans-").FullName;
        ZoneWriter.Write(zone, dir);
        Console.WriteLine($"{Path.GetFileName(specPath)}: generated {zone.Files.Count} files in {generateMs:N0} ms (first call in this process)");
        Console.WriteLine();
        Console.WriteLine("| Stage | Providers | Resources | Plan wall (s) | Peak RSS, terraform + providers (MiB) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        var plans = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stage in zone.Stages)
        {
            var stageDir = Path.Combine(dir, "stages", stage);
            OfflineOverrides.Write(stageDir, name => PlanOutputs.Read(plans[OfflineOverrides.Upstream[name]]));
            Terraform(repo, stageDir, out _, "init", "-input=false", "-no-color");
            var (seconds, peakBytes) = Terraform(repo, stageDir, out _, "plan", "-input=false", "-no-color", "-refresh=false", "-lock=false", "-out=plan.bin");
            Terraform(repo, stageDir, out var json, "show", "-json", "plan.bin");
            plans[stage] = Path.Combine(stageDir, "plan.json");
            File.WriteAllText(plans[stage], json);
            var providers = File.ReadAllText(Path.Combine(stageDir, "providers.tf")).Split("provider \"aws\"").Length - 1;
            var resources = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("resource_changes").GetArrayLength();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {providers} | {resources} | {seconds:F1} | {peakBytes / 1048576.0:N0} |"));
        }

        Directory.Delete(dir, recursive: true);
        return 0;
    }

    private static (double Seconds, long PeakBytes) Terraform(string repo, string dir, out string stdout, params string[] args)
    {
        var start = new ProcessStartInfo("terraform") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TF_CLI_CONFIG_FILE"] = Path.Combine(repo, "tools", "terraformrc");
        start.Environment["TF_IN_AUTOMATION"] = "1";
        start.Environment["CHECKPOINT_DISABLE"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, TreeRss(process.Id));
        }

        stdout = output.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"terraform {args[0]} failed in {dir}:\n{stdout}{error.Result}");
        }

        return (clock.Elapsed.TotalSeconds, peak);
    }

    /// <summary>Resident memory of a process and all its descendants (Linux /proc).</summary>
    private static long TreeRss(int root)
    {
        var parents = new Dictionary<int, int>();
        var rss = new Dictionary<int, long>();
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)))
        {
            try
            {
                var fields = File.ReadAllText($"/proc/{stat}/stat");
                var rest = fields[(fields.LastIndexOf(')') + 2)..].Split(' ');
                var pid = int.Parse(stat!, CultureInfo.InvariantCulture);
                parents[pid] = int.Parse(rest[1], CultureInfo.InvariantCulture);
                rss[pid] = long.Parse(rest[21], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while we looked.
            }
        }

        long total = 0;
        foreach (var (pid, bytes) in rss)
        {
            for (var p = pid; p > 1; p = parents.GetValueOrDefault(p))
            {
                if (p == root)
                {
                    total += bytes;
                    break;
                }
            }
        }

        return total;
    }

    private static string FindRepo()
    {
        for (var d = new DirectoryInfo(Environment.CurrentDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "tools", "terraformrc")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("run --zone-plans from inside the repository (it needs tools/terraformrc)");
    }
}
