using System.Security.Cryptography;

namespace PciZone.Rules.Tests.Meta;

/// <summary>A committed plan must be regenerated whenever a .tf it was planned from changes.</summary>
public sealed class StalePlanTests
{
    public static TheoryData<string> Manifests()
    {
        var data = new TheoryData<string>();
        foreach (var top in new[] { "src", "examples", "tests" })
        {
            var dir = Path.Combine(RepoPaths.Root, top);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var f in Directory.EnumerateFiles(dir, "plan.sha256", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepoPaths.Root, f));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Plan_IsNewerThanItsTerraformSources(string manifest)
    {
        var path = Path.Combine(RepoPaths.Root, manifest);
        var dir = Path.GetDirectoryName(path)!;
        var recorded = File.ReadAllLines(path).Where(l => l.Length > 0)
            .Select(l => (Hash: l[..64], File: l[64..].Trim().TrimStart('*')))
            .ToDictionary(x => Normalise(x.File), x => x.Hash, StringComparer.Ordinal);
        var hint = $"stale plan: rerun the plan script for {Path.GetRelativePath(RepoPaths.Root, dir)}";

        File.Exists(Path.Combine(dir, "plan.json")).ShouldBeTrue(hint);
        var sources = Directory.EnumerateFiles(dir, "*.tf", SearchOption.AllDirectories)
            .Select(f => Normalise(Path.GetRelativePath(dir, f))).Order(StringComparer.Ordinal).ToList();
        sources.ShouldBe(recorded.Keys.Order(StringComparer.Ordinal).ToList(), hint);
        foreach (var (file, hash) in recorded)
        {
            var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, file))));
            actual.ShouldBe(hash, $"{file}: {hint}");
        }
    }

    private static string Normalise(string file) => file.Replace('\\', '/').TrimStart('.', '/');
}
