using System.Text.Json.Nodes;
using PciZone.Compliance;

namespace PciZone.Reporting.Tests;

public sealed class SarifReportWriterTests
{
    [Fact]
    public void Write_SampleReport_ValidatesAgainstSarif210Schema() =>
        Schemas.Errors(Schemas.Sarif, Render.As("sarif", SampleReport.Create())).ShouldBeEmpty();

    [Fact]
    public void Write_ReportWithSourceRootAndAbsolutePath_ValidatesAgainstSarif210Schema()
    {
        var report = SampleReport.Build([SampleReport.F(SampleRules.KmsRotation, FindingStatus.Fail, "aws_kms_key.k", "aws_kms_key", "/srv/infra/keys.tf", 3, "Rotation is off.")])
            with { SourceRoot = "/srv/infra" };
        var sarif = Render.As("sarif", report);
        Schemas.Errors(Schemas.Sarif, sarif).ShouldBeEmpty();
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!.GetValue<string>().ShouldBe("file:///srv/infra/");
        var artifact = run["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        artifact["uri"]!.GetValue<string>().ShouldBe("file:///srv/infra/keys.tf");
        artifact["uriBaseId"].ShouldBeNull();
    }

    [Theory]
    [InlineData("version", "2.0.0")]
    [InlineData("level", "critical")]
    [InlineData("kind", "broken")]
    public void Validate_BrokenSarif_FailsValidation(string property, string value)
    {
        // Proves the schema check has teeth: the same document with one bad value must be rejected.
        var doc = JsonNode.Parse(Render.As("sarif", SampleReport.Create()))!;
        var target = property == "version" ? doc.AsObject() : doc["runs"]![0]!["results"]![0]!.AsObject();
        target[property] = value;
        Schemas.Errors(Schemas.Sarif, doc.ToJsonString()).ShouldNotBeEmpty();
    }

    [Fact]
    public void Write_SampleReport_HasOneResultPerNonPassFindingWithSpecKindAndLevel()
    {
        var report = SampleReport.Create();
        var results = JsonNode.Parse(Render.As("sarif", report))!["runs"]![0]!["results"]!.AsArray();
        var expected = report.Findings.Where(f => f.Status != FindingStatus.Pass).ToList();
        results.Count.ShouldBe(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (f, r) = (expected[i], results[i]!);
            r["ruleId"]!.GetValue<string>().ShouldBe(f.RuleId);
            r["kind"]!.GetValue<string>().ShouldBe(f.Status == FindingStatus.Unknown ? "review" : "fail");
            r["level"]!.GetValue<string>().ShouldBe(f.Status == FindingStatus.Unknown ? "none" : f.Severity switch
            {
                Severity.Critical or Severity.High => "error",
                Severity.Medium => "warning",
                _ => "note",
            });
            (r["suppressions"]?[0]?["justification"]?.GetValue<string>()).ShouldBe(f.SuppressionReason);
            r["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]!.GetValue<string>().ShouldBe(f.ResourceAddress);
            var region = r["locations"]![0]!["physicalLocation"]!["region"];
            (region?["startLine"]?.GetValue<int>() ?? 0).ShouldBe(f.Line);
        }
    }

    [Fact]
    public void Write_SampleReport_RuleIndexPointsAtRuleWithTagsAndSecuritySeverity()
    {
        var run = JsonNode.Parse(Render.As("sarif", SampleReport.Create()))!["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        foreach (var result in run["results"]!.AsArray())
        {
            var rule = rules[result!["ruleIndex"]!.GetValue<int>()]!;
            rule["id"]!.GetValue<string>().ShouldBe(result["ruleId"]!.GetValue<string>());
        }

        var ec2 = rules.Single(r => r!["id"]!.GetValue<string>() == "PCZ-EC2-001")!;
        ec2["name"]!.GetValue<string>().ShouldBe("SecurityGroupAdminPortsClosedToInternet");
        ec2["properties"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>())
            .ShouldBe(["security", "PCI-DSS-4.0.1/1.3.1", "PCI-DSS-4.0.1/1.4.2"]);
        ec2["properties"]!["security-severity"]!.GetValue<string>().ShouldBe("9.5");
        ec2["help"]!["markdown"]!.GetValue<string>().ShouldContain("AWS::EC2::SecurityGroupIngress");
    }

    [Theory]
    [InlineData("templates\\network stack.yaml", "templates/network%20stack.yaml", true)]
    [InlineData("./plans/a#b.json", "plans/a%23b.json", true)]
    [InlineData("C:\\infra\\main.tf", "file:///C:/infra/main.tf", false)]
    public void For_PathForms_GiveUriReferences(string path, string uri, bool relative) =>
        new ArtifactUris().For(path).ShouldBe((uri, relative));
}
