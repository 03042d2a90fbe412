using System.Text.RegularExpressions;
using PciZone.Compliance;
using PciZone.LandingZone.Docs;
using PciZone.LandingZone.Generation;

namespace PciZone.LandingZone.Tests.Generation;

/// <summary>
/// The rules every static module follows (docs/dev/LANDING_ZONE_DESIGN.md), enforced: a module that
/// breaks one cannot be added.
/// </summary>
public sealed partial class ModuleConventionTests
{
    public static TheoryData<string> Modules() => new(ModuleLibrary.Names);

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_HasEveryRequiredFile(string module)
    {
        var files = Files(module).Select(f => f.Path[$"modules/{module}/".Length..]).ToList();
        files.ShouldContain("versions.tf");
        files.ShouldContain("variables.tf");
        files.ShouldContain("outputs.tf");
        files.ShouldContain("README.md");
        files.ShouldContain("controls.yaml");
        files.ShouldContain(f => f.StartsWith("tests/", StringComparison.Ordinal) && f.EndsWith(".tftest.hcl", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_HasNoProviderBackendOrAwsDataSource(string module)
    {
        foreach (var (path, text) in TerraformFiles(module))
        {
            text.ShouldNotMatch("(?m)^\\s*provider\\s+\"", $"{path}: providers belong to the stage roots");
            text.ShouldNotMatch("(?m)^\\s*backend\\s+\"", $"{path}: backends belong to the stage roots");
            text.ShouldNotMatch("(?m)^\\s*data\\s+\"aws_", $"{path}: AWS data sources cannot plan offline");
            text.ShouldNotContain("aws_iam_policy_document", customMessage: $"{path}: policies are jsonencode()");
        }
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void EveryResource_HasACommentNamingItsPciRequirements(string module)
    {
        var missing = new List<string>();
        var resources = 0;
        foreach (var (path, text) in TerraformFiles(module))
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (ResourceLine().Match(lines[i]) is not { Success: true } match)
                {
                    continue;
                }

                resources++;
                var comments = lines.Take(i).Reverse().TakeWhile(l => l.TrimStart().StartsWith('#')).ToList();
                if (!comments.Any(c => c.Contains("PCI", StringComparison.Ordinal)))
                {
                    missing.Add($"{path}:{i + 1} {match.Groups[1].Value}.{match.Groups[2].Value}");
                }
            }
        }

        resources.ShouldBeGreaterThan(0, "the check must have seen the module's resources");
        missing.ShouldBeEmpty("every resource needs a '# PCI x.y.z: why' comment directly above it");
    }

    [Fact]
    public void Controls_HaveUniqueIdsKnownRequirementsAndExistingResources()
    {
        ControlCatalogue.ModuleControls.Count.ShouldBeGreaterThan(40);
        ControlCatalogue.ModuleControls.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        var unknown = ControlCatalogue.ModuleControls.SelectMany(c => c.Requirements.Where(r => !RequirementCatalogue.PciDss401.Contains(r)).Select(r => $"{c.Id}: {r}"))
            .Concat(ControlCatalogue.ManualSteps.SelectMany(s => s.Requirements.Where(r => !RequirementCatalogue.PciDss401.Contains(r)).Select(r => $"{s.Module} manual: {r}")));
        unknown.ShouldBeEmpty();
        ControlCatalogue.ModuleControls.ShouldAllBe(c => c.Requirements.Count > 0 && c.Title.Length > 0);
    }

    private static IEnumerable<(string Path, string Text)> Files(string module) =>
        ModuleLibrary.Files.Where(f => f.Path.StartsWith($"modules/{module}/", StringComparison.Ordinal));

    private static IEnumerable<(string Path, string Text)> TerraformFiles(string module) =>
        Files(module).Where(f => f.Path.EndsWith(".tf", StringComparison.Ordinal));

    [GeneratedRegex("^resource\\s+\"([a-z0-9_]+)\"\\s+\"([A-Za-z0-9_-]+)\"")]
    private static partial Regex ResourceLine();
}
