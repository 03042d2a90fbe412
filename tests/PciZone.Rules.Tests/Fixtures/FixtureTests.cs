using PciZone.Compliance;
using PciZone.Estate;
using PciZone.Ingest;
using PciZone.Ingest.Terraform;

namespace PciZone.Rules.Tests.Fixtures;

/// <summary>
/// Runs every rule fixture through the REAL reader and the engine and asserts the exact pass, fail
/// and unknown address sets of expected.yaml, and a message on every failure.
/// </summary>
public sealed class FixtureTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var folder in RepoPaths.RuleFolders())
        {
            var slug = Path.GetFileName(folder);
            foreach (var (format, fixtures) in ExpectedOutcomes.Load(folder))
            {
                foreach (var fixture in fixtures.Keys.Order(StringComparer.Ordinal))
                {
                    data.Add(slug, format, fixture);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_ProducesExactlyTheExpectedOutcomes(string slug, string format, string fixture)
    {
        var folder = RepoPaths.RuleFolders().Single(f => Path.GetFileName(f) == slug);
        var expected = ExpectedOutcomes.Load(folder)[format][fixture];
        var rule = RulePack.BuiltIn.Rules.Single(r => r.Descriptor.Slug == slug);

        var (estate, prefix) = format switch
        {
            "terraform" => TerraformEstate(folder, fixture),
            "cloudformation" => CloudFormationEstate(folder, fixture),
            _ => throw new InvalidOperationException($"unknown format {format} in expected.yaml"),
        };

        var engine = new RuleEngine(RulePack.BuiltIn, ComplianceMapping.PciDss401, TimeProvider.System);
        var findings = engine.Run(estate, new RuleSelection([rule.Descriptor.Id], [], null));

        string Strip(string address) => address.StartsWith(prefix, StringComparison.Ordinal) ? address[prefix.Length..] : address;
        HashSet<string> Actual(FindingStatus s) =>
            findings.Where(f => f.Status == s).Select(f => Strip(f.ResourceAddress)).ToHashSet(StringComparer.Ordinal);

        var report = string.Join("\n", findings.Select(f => $"  {f.Status} {Strip(f.ResourceAddress)}: {f.Message}"));
        Actual(FindingStatus.Pass).ShouldBe(expected.Pass, ignoreOrder: true, $"pass set of {fixture}\n{report}");
        Actual(FindingStatus.Fail).ShouldBe(expected.Fail, ignoreOrder: true, $"fail set of {fixture}\n{report}");
        Actual(FindingStatus.Unknown).ShouldBe(expected.Unknown, ignoreOrder: true, $"unknown set of {fixture}\n{report}");
        findings.Where(f => f.Status == FindingStatus.Fail).ShouldAllBe(f => f.Message.Length > 10);
    }

    private static (AwsEstate Estate, string Prefix) TerraformEstate(string folder, string fixture)
    {
        var plan = Path.Combine(folder, "fixtures", "terraform", "plan.json");
        File.Exists(plan).ShouldBeTrue($"{plan} missing: run scripts/plan-fixtures.sh {folder}");
        var result = TerraformPlanReader.Read(plan, File.ReadAllBytes(plan), "");
        result.Errors.ShouldBeEmpty();
        var prefix = $"module.{Path.GetFileNameWithoutExtension(fixture)}.";
        return (new AwsEstate(result.Resources).WithAddressPrefix(prefix), prefix);
    }

    private static (AwsEstate Estate, string Prefix) CloudFormationEstate(string folder, string fixture)
    {
        var template = Path.Combine(folder, "fixtures", "cloudformation", fixture);
        var result = InputLoader.Load([template]);
        result.Errors.ShouldBeEmpty();
        return (result.Estate, "");
    }
}
