using System.Text.Json.Nodes;
using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.Suppressions;

/// <summary>--baseline reports only new failures and lists fixed ones; diff compares two reports.</summary>
public sealed class BaselineAndDiffTests
{
    [Fact]
    public void Baseline_OldFailuresSuppressed_NewOnesFail_FixedListed()
    {
        using var temp = SuppressionTests.Example();
        var tf = temp.PathOf("terraform");
        var baseline = temp.PathOf("baseline.json");
        Pcizone.Run("scan", tf, "--format", $"json={baseline}", "--fail-on", "none").ExitCode.ShouldBe(0);

        var same = Pcizone.Run("scan", tf, "--baseline", baseline, "--format", $"json={temp.PathOf("again.json")}");
        same.ExitCode.ShouldBe(0, same.Error);
        var again = JsonNode.Parse(File.ReadAllText(temp.PathOf("again.json")))!["findings"]!.AsArray();
        again.Count(f => (string?)f!["status"] == "fail").ShouldBe(0);
        again.Where(f => (string?)f!["status"] == "suppressed").ShouldNotBeEmpty();
        again.Where(f => (string?)f!["status"] == "suppressed").ShouldAllBe(f => ((string?)f!["suppressionReason"])!.StartsWith("in baseline", StringComparison.Ordinal));

        var report = JsonNode.Parse(File.ReadAllText(baseline))!["findings"]!.AsArray();
        var oldFail = report.First(f => (string?)f!["status"] == "fail")!;
        var missing = Pcizone.Run("scan", tf, "--baseline", temp.PathOf("missing.json"));
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("--baseline: cannot read");

        // A baseline without one of today's failures: that failure is new and fails the scan.
        var trimmed = new JsonArray(report.Where(f => f != oldFail).Select(f => f!.DeepClone()).ToArray());
        var partial = JsonNode.Parse(File.ReadAllText(baseline))!;
        partial["findings"] = trimmed;
        var fixedBaseline = temp.Write("older.json", partial.ToJsonString());
        var run = Pcizone.Run("scan", tf, "--baseline", fixedBaseline, "--fail-on", "info", "--format", $"json={temp.PathOf("new.json")}");
        var now = JsonNode.Parse(File.ReadAllText(temp.PathOf("new.json")))!["findings"]!.AsArray();
        now.Where(f => (string?)f!["status"] == "fail").Select(f => $"{f!["ruleId"]} {f["resource"]!["address"]}")
            .ShouldBe([$"{oldFail["ruleId"]} {oldFail["resource"]!["address"]}"]);
        run.ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Baseline_FailureGoneNow_IsListedAsFixed()
    {
        using var temp = SuppressionTests.Example();
        var tf = temp.PathOf("terraform");
        var baseline = temp.PathOf("baseline.json");
        Pcizone.Run("scan", tf, "--format", $"json={baseline}", "--fail-on", "none");
        var doc = JsonNode.Parse(File.ReadAllText(baseline))!;
        var extra = doc["findings"]!.AsArray().First(f => (string?)f!["status"] == "fail")!.DeepClone();
        extra["resource"]!["address"] = "aws_s3_bucket.deleted_since";
        doc["findings"]!.AsArray().Add(extra);
        temp.Write("baseline.json", doc.ToJsonString());

        var run = Pcizone.Run("scan", tf, "--baseline", baseline, "--fail-on", "none");
        run.Error.ShouldContain($"fixed since baseline: {extra["ruleId"]} aws_s3_bucket.deleted_since");
    }

    [Fact]
    public void Diff_ReportsNewFixedAndRemaining_ExitsOneOnNew()
    {
        using var temp = SuppressionTests.Example();
        var tf = temp.PathOf("terraform");
        var newer = temp.PathOf("new.json");
        Pcizone.Run("scan", tf, "--format", $"json={newer}", "--fail-on", "none");
        var doc = JsonNode.Parse(File.ReadAllText(newer))!;
        var findings = doc["findings"]!.AsArray();
        var dropped = findings.First(f => (string?)f!["status"] == "fail")!;
        var gone = findings.First(f => (string?)f!["status"] == "fail")!.DeepClone();
        gone["resource"]!["address"] = "aws_s3_bucket.removed";
        findings.Remove(dropped);
        findings.Add(gone);
        var older = temp.Write("old.json", doc.ToJsonString());

        var text = Pcizone.Run("diff", older, newer);
        text.ExitCode.ShouldBe(1);
        text.Out.ShouldContain($"new failures (1):\n  {dropped["ruleId"]}  {dropped["resource"]!["address"]}");
        text.Out.ShouldContain($"fixed (1):\n  {gone["ruleId"]}  aws_s3_bucket.removed");

        var json = JsonNode.Parse(Pcizone.Run("diff", older, newer, "--format", "json").Out)!;
        json["new"]!.AsArray().Count.ShouldBe(1);
        json["fixed"]!.AsArray().Count.ShouldBe(1);
        Pcizone.Run("diff", newer, newer).ExitCode.ShouldBe(0);
        Pcizone.Run("diff", older, temp.PathOf("nope.json")).ExitCode.ShouldBe(2);
    }
}
