using System.Text.Json.Nodes;
using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.Suppressions;

/// <summary>
/// Exceptions in .pcizone.yaml and inline suppressions in Terraform and CloudFormation sources, through
/// the real CLI on a copy of the bundled example: suppressed with the reason in every format, expired
/// exceptions fail, --no-inline-suppressions restores the failure.
/// </summary>
public sealed class SuppressionTests
{
    private const string Rule = "PCZ-S3-002";
    private const string TfAddress = "aws_s3_bucket.card_export";
    private const string CfnAddress = "CardExportBucket";

    [Fact]
    public void ConfigException_SuppressesWithReasonApproverAndExpiry()
    {
        using var temp = Example();
        temp.Write(".pcizone.yaml", Exception(TfAddress, "2099-12-31"));

        var finding = Scan(temp, "terraform").Single(f => (string?)f["resource"]!["address"] == TfAddress);

        ((string?)finding["status"]).ShouldBe("suppressed");
        var reason = (string?)finding["suppressionReason"];
        reason.ShouldNotBeNull();
        reason.ShouldContain("export bucket is fronted by CC-7");
        reason.ShouldContain("approved by jane.doe@example.com");
        reason.ShouldContain("expires 2099-12-31");
        reason.ShouldContain("compensating control: CC-7");
    }

    [Fact]
    public void ExpiredException_FailsAndWarns()
    {
        using var temp = Example();
        temp.Write(".pcizone.yaml", Exception(TfAddress, "2020-01-31"));

        var result = Pcizone.Run("scan", temp.PathOf("terraform"), "--rule", Rule, "--format", $"json={temp.PathOf("r.json")}");
        var finding = Findings(temp.PathOf("r.json")).Single(f => (string?)f["resource"]!["address"] == TfAddress);

        ((string?)finding["status"]).ShouldBe("fail");
        ((string?)finding["message"] ?? "").ShouldContain("expired 2020-01-31");
        result.Error.ShouldContain("expired 2020-01-31; its findings count as failures");
        result.ExitCode.ShouldBe(1);
    }

    [Fact]
    public void TerraformComment_SuppressesUnlessAuditorTurnsInlineOff()
    {
        using var temp = Example();
        var storage = temp.PathOf("terraform/storage.tf");
        File.WriteAllText(storage, File.ReadAllText(storage).Replace(
            "resource \"aws_s3_bucket\" \"card_export\" {",
            $"# pcizone:ignore {Rule} partner pulls the export through a VPC endpoint only\nresource \"aws_s3_bucket\" \"card_export\" {{",
            StringComparison.Ordinal));

        var inline = Scan(temp, "terraform").Single(f => (string?)f["resource"]!["address"] == TfAddress);
        ((string?)inline["status"]).ShouldBe("suppressed");
        ((string?)inline["suppressionReason"] ?? "").ShouldContain("partner pulls the export through a VPC endpoint only [inline pcizone:ignore at");

        var sarif = Pcizone.Run("scan", temp.PathOf("terraform"), "--rule", Rule, "--format", "sarif", "--fail-on", "none").Out;
        sarif.ShouldContain("\"kind\": \"inSource\"");

        var audited = Scan(temp, "terraform", "--no-inline-suppressions").Single(f => (string?)f["resource"]!["address"] == TfAddress);
        ((string?)audited["status"]).ShouldBe("fail");
    }

    [Fact]
    public void TerraformComment_InsideTheBlockCounts_ButNotOneSeparatedFromIt()
    {
        using var temp = Example();
        var storage = temp.PathOf("terraform/storage.tf");
        var text = File.ReadAllText(storage);
        File.WriteAllText(storage, text.Replace(
            "resource \"aws_s3_bucket\" \"card_export\" {",
            $"# pcizone:ignore {Rule} stray comment\nlocals {{ x = 1 }}\n\nresource \"aws_s3_bucket\" \"card_export\" {{",
            StringComparison.Ordinal));
        ((string?)Scan(temp, "terraform").Single(f => (string?)f["resource"]!["address"] == TfAddress)["status"]).ShouldBe("fail");

        File.WriteAllText(storage, text.Replace(
            "resource \"aws_s3_bucket\" \"card_export\" {",
            $"resource \"aws_s3_bucket\" \"card_export\" {{\n  # pcizone:ignore {Rule} reviewed with the QSA",
            StringComparison.Ordinal));
        ((string?)Scan(temp, "terraform").Single(f => (string?)f["resource"]!["address"] == TfAddress)["status"]).ShouldBe("suppressed");
    }

    [Fact]
    public void CloudFormationMetadata_EntryWithoutReason_IsAnInputError()
    {
        using var temp = Example();
        var template = temp.PathOf("cloudformation/payment-gateway.yaml");
        File.WriteAllText(template, File.ReadAllText(template).Replace(
            "  CardExportBucket:\n    Type: AWS::S3::Bucket\n",
            $"  CardExportBucket:\n    Type: AWS::S3::Bucket\n    Metadata:\n      pcizone:\n        ignore:\n          - rule: {Rule}\n",
            StringComparison.Ordinal));
        var result = Pcizone.Run("scan", temp.PathOf("cloudformation"), "--rule", Rule);
        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain("Metadata.pcizone.ignore entries need both 'rule' and 'reason'");
    }

    [Fact]
    public void CloudFormationMetadata_Suppresses()
    {
        using var temp = Example();
        var template = temp.PathOf("cloudformation/payment-gateway.yaml");
        File.WriteAllText(template, File.ReadAllText(template).Replace(
            "  CardExportBucket:\n    Type: AWS::S3::Bucket\n",
            $"  CardExportBucket:\n    Type: AWS::S3::Bucket\n    Metadata:\n      pcizone:\n        ignore:\n          - rule: {Rule}\n            reason: partner pulls the export through a VPC endpoint only\n",
            StringComparison.Ordinal));

        var finding = Scan(temp, "cloudformation").Single(f => (string?)f["resource"]!["address"] == CfnAddress);
        ((string?)finding["status"]).ShouldBe("suppressed");
        ((string?)finding["suppressionReason"] ?? "").ShouldContain("partner pulls the export through a VPC endpoint only");
    }

    [Theory]
    [InlineData("sarif", "partner review")]
    [InlineData("junit", "partner review")]
    [InlineData("csv", "partner review")]
    [InlineData("table", "partner review")]
    public void Suppression_AppearsWithItsReasonInEveryFormat(string format, string expected)
    {
        using var temp = Example();
        temp.Write(".pcizone.yaml", Exception(TfAddress, "2099-12-31").Replace("export bucket is fronted by CC-7", "partner review", StringComparison.Ordinal));
        var result = Pcizone.Run("scan", temp.PathOf("terraform"), "--rule", Rule, "--format", format, "--fail-on", "none");

        result.Out.ShouldContain(expected);
    }

    [Fact]
    public void ExceptionWithoutApprover_IsAConfigError()
    {
        using var temp = Example();
        temp.Write(".pcizone.yaml", Exception(TfAddress, "2099-12-31").Replace("    approver: jane.doe@example.com\n", "", StringComparison.Ordinal));
        var result = Pcizone.Run("scan", temp.PathOf("terraform"), "--rule", Rule);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("exceptions: 'approver' is required");
    }

    internal static TempDir Example()
    {
        var temp = new TempDir();
        var source = Path.Combine(Pcizone.RepoRoot, "examples", "payment-gateway");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            temp.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
        }

        return temp;
    }

    private static string Exception(string address, string expires) => $"""
        exceptions:
          - rule: {Rule}
            resource: "{address}"
            reason: export bucket is fronted by CC-7
            approver: jane.doe@example.com
            expires: {expires}
            compensatingControl: CC-7
        """ + "\n";

    private static List<JsonNode> Scan(TempDir temp, string folder, params string[] extra)
    {
        var report = temp.PathOf($"report-{Guid.NewGuid():N}.json");
        Pcizone.Run([.. new[] { "scan", temp.PathOf(folder), "--rule", Rule, "--format", $"json={report}", "--fail-on", "none" }.Concat(extra)]);
        return Findings(report);
    }

    private static List<JsonNode> Findings(string report) =>
        JsonNode.Parse(File.ReadAllText(report))!["findings"]!.AsArray().Select(f => f!).ToList();
}
