using PciZone.Cli.Tests.Support;
using PciZone.LandingZone.Spec;

namespace PciZone.LandingZone.Tests.Spec;

/// <summary>Every bad-spec case of the issue: one error per problem with its line, exit code 2, nothing written.</summary>
public sealed class BadSpecTests
{
    private static readonly string Default = DefaultSpec.Text;

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        { "overlapping CIDRs", "      - cidr: 10.40.0.0/16", "      - cidr: 10.10.128.0/20", "overlaps 10.10.0.0/16 of account 'cde-prod'" },
        { "duplicate emails", "    email: aws-dev@acme-pay.example", "    email: aws-prod@acme-pay.example", "already used by account 'non-cde-prod'" },
        { "CDE account outside the CDE OU", "    ou: Workloads/CDE", "    ou: Workloads/Non-CDE", "holds cardholder data but sits in 'Workloads/Non-CDE'" },
        { "unknown region", "    - eu-west-1\n", "    - eu-west-1\n    - eu-mars-1\n", "unknown region 'eu-mars-1'" },
        { "unknown key", "  breakGlassRole: BreakGlass", "  breakGlassRole: BreakGlass\n  breakGlasRole: Typo", "unknown key 'organization.breakGlasRole'" },
        { "retention under a year", "  retentionDays: 365", "  retentionDays: 90", "PCI 10.5.1" },
        {
            "more SCPs than a target allows", "  custom: []",
            "  custom:\n" + string.Concat(Enumerable.Range(1, 4).Select(i =>
                $"    - name: extra-{i}\n      targets: [Root]\n      document: '{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Deny\",\"Action\":\"ec2:Run{i}\",\"Resource\":\"*\"}}]}}'\n")),
            "AWS allows 5 per target"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generate_BadSpec_ExitsTwoWithTheLineAndWritesNothing(string name, string find, string replace, string expected)
    {
        Default.ShouldContain(find, customMessage: $"case '{name}' no longer matches the default spec");
        using var temp = new TempDir();
        var specText = Replace(Default, find, replace);
        var spec = temp.Write("zone.yaml", specText);
        var outDir = temp.PathOf("out");

        var result = Pcizone.Run("landing-zone", "generate", "--spec", spec, "--out", outDir);

        result.ExitCode.ShouldBe(2, result.Error);
        var line = result.ErrorLines.FirstOrDefault(l => l.Contains(expected, StringComparison.Ordinal));
        line.ShouldNotBeNull($"{name}: expected '{expected}' in:\n{result.Error}");
        line.ShouldStartWith($"pcizone: {spec}:");
        var lineNumber = int.Parse(line[$"pcizone: {spec}:".Length..].Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
        lineNumber.ShouldBeGreaterThan(0);
        specText.Split('\n')[lineNumber - 1].ShouldNotBeNullOrWhiteSpace();
        result.Error.ShouldNotContain("   at ");
        Directory.Exists(outDir).ShouldBeFalse("a bad spec writes nothing");
    }

    [Fact]
    public void Generate_SeveralProblems_ReportsEachOnItsOwnLine()
    {
        using var temp = new TempDir();
        var text = Replace(Replace(Default, "    ou: Workloads/CDE", "    ou: Workloads/Non-CDE"), "  retentionDays: 365", "  retentionDays: 300");
        var result = Pcizone.Run("landing-zone", "generate", "--spec", temp.Write("zone.yaml", text), "--out", temp.PathOf("out"));

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.Count(l => l.Contains("zone.yaml:", StringComparison.Ordinal)).ShouldBe(2, result.Error);
    }

    [Theory]
    [InlineData("organization: [", "invalid YAML")]
    [InlineData("- just\n- a list\n", "must be a mapping")]
    [InlineData("version: 2\norganization: { name: abc, homeRegion: eu-west-1 }\naccounts: {}\nidentity: {}\n", "spec version 2 is not supported")]
    public void Generate_MalformedSpec_ExitsTwoNamingTheFile(string text, string expected)
    {
        using var temp = new TempDir();
        var spec = temp.Write("zone.yaml", text);
        var result = Pcizone.Run("landing-zone", "generate", "--spec", spec, "--out", temp.PathOf("out"));

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(spec);
        result.Error.ShouldContain(expected);
        Directory.Exists(temp.PathOf("out")).ShouldBeFalse();
    }

    [Fact]
    public void Generate_MissingSpec_ExitsTwo()
    {
        var result = Pcizone.Run("landing-zone", "generate", "--spec", "/nonexistent/zone.yaml", "--out", "/tmp/never");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("spec file not found");
    }

    private static string Replace(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
