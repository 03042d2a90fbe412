using System.Text.RegularExpressions;
using PciZone.Rules.Tests.Fixtures;

namespace PciZone.Rules.Tests.Meta;

/// <summary>
/// Walks every rule folder: a rule without metadata, logic, or pass and fail fixtures for each
/// format it claims cannot be added.
/// </summary>
public sealed partial class RuleFolderTests
{
    public static TheoryData<string> Folders() => new(RepoPaths.RuleFolders().Select(f => Path.GetRelativePath(RepoPaths.RulesDir, f)));

    private static string Full(string folder) => Path.Combine(RepoPaths.RulesDir, folder);

    [Fact]
    public void EveryRuleClass_HasAFolderAndEveryFolderIsLoaded()
    {
        var folders = RepoPaths.RuleFolders().Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var slugs = RulePack.BuiltIn.Rules.Select(r => r.Descriptor.Slug).Order(StringComparer.Ordinal).ToList();
        slugs.ShouldBe(folders!, "each rule folder holds exactly one loaded rule, named by its slug");
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Folder_HasLogicNamedAfterTheSlug(string folder)
    {
        var slug = Path.GetFileName(folder);
        SlugPattern().IsMatch(slug).ShouldBeTrue($"slug '{slug}' must be lower-case words joined by '-'");
        var cls = RulePack.ClassNameFor(slug);
        File.Exists(Path.Combine(Full(folder), cls + ".cs")).ShouldBeTrue($"{folder} needs {cls}.cs");
        RulePack.RuleTypes().ShouldContain(t => t.Name == cls && t.Namespace!.StartsWith("PciZone.Rules.Aws.", StringComparison.Ordinal));
        File.Exists(Path.Combine(Full(folder), "rule.yaml")).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Folder_HasPassAndFailFixturesForEveryClaimedFormat(string folder)
    {
        var rule = RulePack.BuiltIn.Rules.Single(r => r.Descriptor.Slug == Path.GetFileName(folder));
        rule.Descriptor.Formats.ShouldNotBeEmpty();
        var expected = ExpectedOutcomes.Load(Full(folder));
        expected.Keys.Order(StringComparer.Ordinal).ShouldBe(rule.Descriptor.Formats.Order(StringComparer.Ordinal), "expected.yaml covers exactly the claimed formats");
        foreach (var format in rule.Descriptor.Formats)
        {
            var dir = Path.Combine(Full(folder), "fixtures", format);
            var files = Directory.Exists(dir)
                ? Directory.GetFiles(dir).Select(Path.GetFileName).Where(f => f!.StartsWith("pass_", StringComparison.Ordinal) || f!.StartsWith("fail_", StringComparison.Ordinal)).ToList()
                : [];
            files.ShouldContain(f => f!.StartsWith("pass_", StringComparison.Ordinal), $"{folder}: no pass_ fixture for {format}");
            files.ShouldContain(f => f!.StartsWith("fail_", StringComparison.Ordinal), $"{folder}: no fail_ fixture for {format}");
            expected[format].Keys.Order(StringComparer.Ordinal).ShouldBe(files.Order(StringComparer.Ordinal)!, $"{folder}: expected.yaml lists exactly the {format} fixtures");
            foreach (var (file, outcome) in expected[format])
            {
                if (file.StartsWith("fail_", StringComparison.Ordinal))
                {
                    outcome.Fail.ShouldNotBeEmpty($"{folder}/{file}: a fail fixture must fail somewhere");
                }
                else
                {
                    outcome.Pass.ShouldNotBeEmpty($"{folder}/{file}: a pass fixture must pass somewhere");
                    outcome.Fail.ShouldBeEmpty($"{folder}/{file}: a pass fixture must not fail");
                }
            }

            if (format == "terraform")
            {
                File.Exists(Path.Combine(dir, "plan.json")).ShouldBeTrue($"{folder}: run scripts/plan-fixtures.sh");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Metadata_IsComplete(string folder)
    {
        var d = RulePack.BuiltIn.Rules.Single(r => r.Descriptor.Slug == Path.GetFileName(folder)).Descriptor;
        IdPattern().IsMatch(d.Id).ShouldBeTrue($"id '{d.Id}' must look like PCZ-S3-001");
        d.Title.ShouldNotStartWith("Ensure", Case.Insensitive);
        d.Title.Length.ShouldBeInRange(10, 100);
        d.Description.Length.ShouldBeGreaterThan(20);
        d.Risk.Length.ShouldBeGreaterThan(20);
        d.Remediation.Length.ShouldBeGreaterThan(10);
        d.RemediationTerraform.ShouldContain("resource");
        if (d.Formats.Contains("cloudformation"))
        {
            d.RemediationCloudFormation.ShouldContain("Type:");
        }

        d.References.ShouldNotBeEmpty();
        d.References.ShouldAllBe(r => r.StartsWith("https://", StringComparison.Ordinal));
        d.EstateTypes.ShouldNotBeEmpty();
        d.Formats.ShouldBeSubsetOf(["terraform", "cloudformation"]);
        var rule = RulePack.BuiltIn.Rules.Single(r => r.Descriptor.Id == d.Id);
        rule.EstateTypes.Select(t => t.Name).Order(StringComparer.Ordinal)
            .ShouldBe(d.EstateTypes.Order(StringComparer.Ordinal), "rule.yaml estateTypes must match the types the logic reads");
    }

    [Fact]
    public void Ids_AndSlugs_AreUnique()
    {
        var rules = RulePack.BuiltIn.Rules.Select(r => r.Descriptor).ToList();
        rules.Select(r => r.Id).ShouldBeUnique();
        rules.Select(r => r.Slug).ShouldBeUnique();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)+$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^PCZ-[A-Z0-9]+-[0-9]{3}$")]
    private static partial Regex IdPattern();
}
