using PciZone.Monitoring.Rules;
using PciZone.Monitoring.Tests.Support;

namespace PciZone.Monitoring.Tests;

/// <summary>Every rule folder's samples run through the real reader and engine; folders and embedded rules agree.</summary>
public sealed class RuleSampleTests
{
    private static readonly string RulesRoot = Path.Combine(TestKit.RepoRoot, "src", "PciZone.Monitoring", "Rules");

    private static readonly string[] Areas = ["root", "auth", "iam", "logging", "detection", "kms", "s3", "network", "org", "data", "health"];

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> TestPlaceholders()
    {
        var path = Path.Combine(RulesRoot, "test-placeholders.yaml");
        if (!File.Exists(path))
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        var values = MonitorRules.LoadPlaceholders(path, out var errors);
        errors.ShouldBeEmpty();
        return values;
    }

    private static IEnumerable<string> RuleFolders() =>
        Directory.EnumerateFiles(RulesRoot, "rule.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetDirectoryName(f)!)
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> Folders => [.. RuleFolders().Select(f => Path.GetRelativePath(RulesRoot, f).Replace('\\', '/'))];

    [Theory]
    [MemberData(nameof(Folders))]
    public void RuleFolder_SamplesMatchAndDoNotMatch(string folder)
    {
        var outcomes = RuleSamples.Run(Path.Combine(RulesRoot, folder), TestPlaceholders(), out var errors);
        errors.ShouldBeEmpty(string.Join("\n", errors));
        outcomes.ShouldContain(o => o.ExpectMatch);
        outcomes.ShouldContain(o => !o.ExpectMatch);
        var failures = outcomes.Where(o => !o.Passed).Select(o => $"{Path.GetFileName(o.File)}: {o.Message}").ToList();
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    [Fact]
    public void RuleFolders_AreInKnownAreasOneLevelDeep()
    {
        foreach (var folder in RuleFolders())
        {
            var parts = Path.GetRelativePath(RulesRoot, folder).Split(Path.DirectorySeparatorChar);
            parts.Length.ShouldBe(2, folder);
            Areas.ShouldContain(parts[0], folder);
        }
    }

    [Fact]
    public void EmbeddedRules_AndFolders_AreTheSameSet()
    {
        var embedded = MonitorRules.BuiltInResourceNames()
            .Select(n => n[MonitorRules.ResourcePrefix.Length..^"/rule.yaml".Length]).ToList();
        var folders = RuleFolders().Select(f => Path.GetRelativePath(RulesRoot, f).Replace('\\', '/')).ToList();
        embedded.ShouldBe(folders, ignoreOrder: true);
    }

    [Fact]
    public void BuiltInPack_LoadsWithTestPlaceholders_WithoutErrorsAndWithUniqueIds()
    {
        var set = MonitorRules.Load(true, [], TestPlaceholders());
        set.Errors.ShouldBeEmpty(string.Join("\n", set.Errors));
        set.Rules.Count.ShouldBe(RuleFolders().Count());
        set.Rules.Select(r => r.Id).ShouldBeUnique();
    }
}
