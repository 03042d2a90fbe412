using System.Diagnostics;
using System.Reflection;

namespace PciZone.LandingZone.Tests.Support;

/// <summary>What one terraform command printed and returned.</summary>
internal sealed record TerraformResult(int ExitCode, string Output, string Stdout)
{
    public TerraformResult ShouldSucceed(string what)
    {
        ExitCode.ShouldBe(0, $"{what} failed:\n{Output}");
        return this;
    }
}

/// <summary>
/// Runs the real terraform binary offline: the AWS provider comes from the filesystem mirror that
/// tools/terraformrc names, and nothing reaches the network.
/// </summary>
internal static class Terraform
{
    public static string RepoRoot { get; } =
        typeof(Terraform).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>Runs <c>terraform ARGS</c> in <paramref name="dir"/> with a ten-minute ceiling.</summary>
    public static TerraformResult Run(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("terraform")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TF_CLI_CONFIG_FILE"] = Path.Combine(RepoRoot, "tools", "terraformrc");
        start.Environment["TF_IN_AUTOMATION"] = "1";
        start.Environment["CHECKPOINT_DISABLE"] = "1";
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("TF_PLUGIN_CACHE_DIR");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start terraform");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return new TerraformResult(-1, $"terraform {string.Join(' ', args)} timed out in {dir}", "");
        }

        return new TerraformResult(process.ExitCode, stdout.Result + stderr.Result, stdout.Result);
    }

    /// <summary>Copies a folder tree (without .terraform caches).</summary>
    public static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Contains(".terraform"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
