using System.Collections.Concurrent;
using PciZone.LandingZone.Generation;

namespace PciZone.LandingZone.Tests.Terraform;

/// <summary>Every module ships terraform test files against mock_provider; they run here, from the generated copy.</summary>
public sealed class ModuleTests
{
    [Fact]
    public void EveryModule_TerraformTestPasses()
    {
        using var temp = new Cli.Tests.Support.TempDir();
        foreach (var (path, text) in ModuleLibrary.Files)
        {
            var full = Path.Combine(temp.Path, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(ModuleLibrary.Names, new ParallelOptions { MaxDegreeOfParallelism = 2 }, module =>
        {
            var dir = Path.Combine(temp.Path, "modules", module);
            var init = Support.Terraform.Run(dir, "init", "-backend=false", "-input=false", "-no-color");
            var test = init.ExitCode == 0 ? Support.Terraform.Run(dir, "test", "-no-color") : init;
            if (test.ExitCode != 0)
            {
                failures.Add($"{module}:\n{test.Output}");
            }
            else if (System.Text.RegularExpressions.Regex.Match(test.Output, @"Success! (\d+) passed, 0 failed") is not { Success: true } m || m.Groups[1].Value == "0")
            {
                failures.Add($"{module}: terraform test ran no passing test:\n{test.Output}");
            }
        });

        failures.ShouldBeEmpty(string.Join("\n\n", failures));
    }
}
