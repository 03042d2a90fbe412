using System.Security.Cryptography;
using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests;

/// <summary>The bundled example the README runs: its plan is current and both formats show the same gaps.</summary>
public sealed class ExampleTests
{
    private static readonly string Example = Path.Combine(Pcizone.RepoRoot, "examples", "payment-gateway");

    [Fact]
    public void ExamplePlan_MatchesItsTerraformSources()
    {
        var dir = Path.Combine(Example, "terraform");
        var recorded = File.ReadAllLines(Path.Combine(dir, "plan.sha256"))
            .Where(l => l.Length > 0)
            .Order(StringComparer.Ordinal)
            .ToList();
        var actual = Directory.EnumerateFiles(dir, "*.tf")
            .Select(f => $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}  {Path.GetFileName(f)}")
            .Order(StringComparer.Ordinal)
            .ToList();

        actual.ShouldBe(recorded, "plan.json is stale: run scripts/plan-example.sh");
    }

    [Theory]
    [InlineData("PCZ-S3-002", "aws_s3_bucket.card_export", "CardExportBucket")]
    [InlineData("PCZ-RDS-001", "aws_db_instance.cards", "CardsDatabase")]
    [InlineData("PCZ-VPC-002", "aws_security_group.bastion", "BastionSecurityGroup")]
    [InlineData("PCZ-ELB-001", "aws_lb_listener.http", "HttpListener")]
    [InlineData("PCZ-ELB-002", "aws_lb_listener.https", "HttpsListener")]
    [InlineData("PCZ-KMS-001", "aws_kms_key.card_data", "CardDataKey")]
    [InlineData("PCZ-CWL-001", "aws_cloudwatch_log_group.trail", "TrailLogGroup")]
    [InlineData("PCZ-IAM-001", "aws_iam_role.ops_admin", "OpsAdminRole")]
    [InlineData("PCZ-SH-001", "aws_securityhub_account.main", "SecurityHub")]
    public void ExampleScan_DeliberateGap_FailsInBothFormats(string rule, string terraformAddress, string logicalId)
    {
        var result = Pcizone.Run("scan", Example, "--rule", rule, "--format", "csv", "--fail-on", "none");

        result.ExitCode.ShouldBe(0, result.Error);
        var failing = result.Out.Split('\n').Where(l => l.StartsWith(rule + ",fail,", StringComparison.Ordinal)).ToList();
        failing.ShouldContain(l => l.Contains($",{terraformAddress},", StringComparison.Ordinal), result.Out);
        failing.ShouldContain(l => l.Contains($",{logicalId},", StringComparison.Ordinal), result.Out);
    }

    [Fact]
    public void ExampleScan_Default_Exits1AndPointsAtTfLines()
    {
        var result = Pcizone.Run("scan", Example, "--format", "csv");

        result.ExitCode.ShouldBe(1, result.Error);
        result.Out.ShouldContain("storage.tf,2,");
        result.Error.ShouldNotContain("error:");
    }
}
