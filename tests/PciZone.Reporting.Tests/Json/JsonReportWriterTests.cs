using System.Text.Json.Nodes;
using PciZone.Compliance;

namespace PciZone.Reporting.Tests;

public sealed class JsonReportWriterTests
{
    [Fact]
    public void Write_SampleReport_ValidatesAgainstPublishedSchema() =>
        Schemas.Errors(Schemas.Report, Render.As("json", SampleReport.Create())).ShouldBeEmpty();

    [Fact]
    public void Write_EmptyReport_ValidatesAgainstPublishedSchema() =>
        Schemas.Errors(Schemas.Report, Render.As("json", SampleReport.Build([]))).ShouldBeEmpty();

    [Theory]
    [InlineData("status", "failed")]
    [InlineData("suppressionReason", "not suppressed")]
    [InlineData("line", "twelve")]
    public void Validate_BrokenFinding_FailsValidation(string property, string value)
    {
        var doc = JsonNode.Parse(Render.As("json", SampleReport.Create()))!;
        var finding = doc["findings"]![0]!.AsObject();
        if (property == "line")
        {
            finding["location"]!["line"] = value;
        }
        else
        {
            finding[property] = value;
        }

        Schemas.Errors(Schemas.Report, doc.ToJsonString()).ShouldNotBeEmpty();
    }

    [Fact]
    public void Write_SampleReport_CountsMatchFindingsAndSuppressedCarryReason()
    {
        var report = SampleReport.Create();
        var doc = JsonNode.Parse(Render.As("json", report))!;
        doc["schemaVersion"]!.GetValue<string>().ShouldBe("1.0");
        doc["summary"]!["fail"]!.GetValue<int>().ShouldBe(report.Findings.Count(f => f.Status == FindingStatus.Fail));
        doc["summary"]!["failuresBySeverity"]!["critical"]!.GetValue<int>()
            .ShouldBe(report.Findings.Count(f => f.Status == FindingStatus.Fail && f.Severity == Severity.Critical));
        doc["rules"]!.AsArray().Count.ShouldBe(report.Rules.Count);
        var findings = doc["findings"]!.AsArray();
        findings.Count.ShouldBe(report.Findings.Count);
        var suppressed = findings.Single(f => f!["status"]!.GetValue<string>() == "suppressed")!;
        suppressed["suppressionReason"]!.GetValue<string>().ShouldStartWith("Public marketing assets");
    }

    [Fact]
    public void Write_ManyFindings_StreamsCompleteDocument()
    {
        // Larger than the sink's drain threshold many times over, so chunked draining is exercised.
        var findings = Enumerable.Range(0, 5000).Select(i => SampleReport.F(
            SampleRules.S3PublicAccess, FindingStatus.Fail, $"aws_s3_bucket.b{i:D5}", "aws_s3_bucket", "main.tf", i + 1, $"Bucket ü{i} has no block."));
        var doc = JsonNode.Parse(Render.As("json", SampleReport.Build(findings)))!;
        var all = doc["findings"]!.AsArray();
        all.Count.ShouldBe(5000);
        all[4999]!["message"]!.GetValue<string>().ShouldBe("Bucket ü4999 has no block.");
    }
}
