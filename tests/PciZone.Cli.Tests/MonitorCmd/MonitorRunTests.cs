using System.Text.Json.Nodes;
using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.MonitorCmd;

public sealed class MonitorRunTests
{
    [Fact]
    public void Run_FolderWithRootLogin_PrintsAlertsWithRequirementsRecordsIncidentsAndExits1()
    {
        using var dir = new TempDir();
        var logs = dir.PathOf("logs");
        CloudTrailFiles.WriteFile(logs, 1, CloudTrailFiles.RootLogin("0f5b5c1e-0000-4000-8000-000000000001"), CloudTrailFiles.QuietRead("0f5b5c1e-0000-4000-8000-000000000002"));
        var store = dir.PathOf("monitor.db");

        var r = Pcizone.Run("monitor", "run", "--from", logs, "--store", store);

        r.ExitCode.ShouldBe(1, r.Error);
        r.Out.ShouldContain("10.2.1.2");
        r.Out.ShouldContain("arn:aws:iam::111122223333:root");
        r.Error.ShouldContain("1 object(s) read (1 CloudTrail)");
        r.Error.ShouldContain("2 record(s)");
        var list = Pcizone.Run("monitor", "incidents", "list", "--store", store, "--format", "json");
        list.ExitCode.ShouldBe(0, list.Error);
        var incidents = JsonNode.Parse(list.Out)!.AsArray();
        incidents.Count.ShouldBeGreaterThan(0);
        incidents.Select(i => i!["state"]!.GetValue<string>()).ShouldAllBe(s => s == "open");
    }

    [Fact]
    public void Run_SameFolderTwice_SecondRunRepeatsNoAlertAndExits0()
    {
        using var dir = new TempDir();
        var logs = dir.PathOf("logs");
        CloudTrailFiles.WriteFile(logs, 1, CloudTrailFiles.RootLogin("0f5b5c1e-0000-4000-8000-000000000011"));
        var store = dir.PathOf("monitor.db");
        Pcizone.Run("monitor", "run", "--from", logs, "--store", store).ExitCode.ShouldBe(1);

        // A new file arrives; the old one is done: only the new file's alerts appear.
        CloudTrailFiles.WriteFile(logs, 2, CloudTrailFiles.QuietRead("0f5b5c1e-0000-4000-8000-000000000012"));
        var again = Pcizone.Run("monitor", "run", "--from", logs, "--store", store);

        again.ExitCode.ShouldBe(0, again.Error);
        again.Out.ShouldBeEmpty();
        again.Error.ShouldContain("1 object(s) read (1 CloudTrail), 1 already done");
    }

    [Fact]
    public void Run_JsonLinesToStdout_WritesOneObjectPerAlertWithKeyAndRequirements()
    {
        using var dir = new TempDir();
        var logs = dir.PathOf("logs");
        CloudTrailFiles.WriteFile(logs, 1, CloudTrailFiles.RootLogin("0f5b5c1e-0000-4000-8000-000000000021"));

        var r = Pcizone.Run("monitor", "run", "--from", logs, "--store", dir.PathOf("m.db"), "--jsonl", "-");

        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBeGreaterThan(0);
        foreach (var line in lines)
        {
            var alert = JsonNode.Parse(line)!;
            alert["key"]!.GetValue<string>().ShouldEndWith("0f5b5c1e-0000-4000-8000-000000000021");
            alert["requirements"]!.AsArray().Count.ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void Run_BadFiles_AreCountedReportedWithFileAndPositionAndExit3()
    {
        using var dir = new TempDir();
        var logs = dir.PathOf("logs");
        var good = CloudTrailFiles.WriteFile(logs, 1, CloudTrailFiles.RootLogin("0f5b5c1e-0000-4000-8000-000000000031"));
        var bytes = File.ReadAllBytes(good);
        var truncated = Path.Combine(logs, CloudTrailFiles.Key(2));
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        File.WriteAllText(Path.Combine(logs, CloudTrailFiles.Key(3)).Replace(".gz", "", StringComparison.Ordinal), "{\"not\":\"cloudtrail\"}");
        File.WriteAllText(Path.Combine(logs, CloudTrailFiles.Key(4)).Replace(".gz", "", StringComparison.Ordinal), "{\"Records\":[{\"eventVersion\":");

        var r = Pcizone.Run("monitor", "run", "--from", logs, "--store", dir.PathOf("m.db"));

        r.ExitCode.ShouldBe(3, r.Error);
        r.Error.ShouldContain("problem: " + CloudTrailFiles.Key(2));
        r.Error.ShouldContain("problem: " + CloudTrailFiles.Key(4).Replace(".gz", "", StringComparison.Ordinal));
        r.Error.ShouldNotContain("   at ");
        r.Out.ShouldContain("10.2.1.2");
    }

    [Theory]
    [InlineData(new[] { "monitor", "run" }, "exactly one of")]
    [InlineData(new[] { "monitor", "run", "--from", "/nonexistent-pcizone" }, "folder not found")]
    [InlineData(new[] { "monitor", "run", "--s3", "bucket-without-scheme" }, "is not s3://BUCKET/PREFIX")]
    [InlineData(new[] { "monitor", "run", "--from", ".", "--webhook", "ftp://x" }, "is not an http(s) URL")]
    public void Run_BadUsage_Exits2WithOneLine(string[] args, string message)
    {
        var r = Pcizone.Run(args);

        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain(message);
    }

    [Fact]
    public void Run_BrokenUserRule_Exits2NamingFileLineAndColumn()
    {
        using var dir = new TempDir();
        var rule = dir.Write("rules/bad/rule.yaml", """
            id: ACME-001
            title: Broken
            description: A rule with an unknown modifier.
            status: test
            level: high
            logsource: { product: aws, service: cloudtrail }
            detection:
              selection:
                eventName|sometimes: ConsoleLogin
              condition: selection
            pcizone:
              requirements: ["10.2.1.2"]
            """);

        var r = Pcizone.Run("monitor", "run", "--from", dir.Path, "--store", dir.PathOf("m.db"), "--rules", dir.PathOf("rules"));

        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain(rule + ":9:");
        r.Error.ShouldContain("sometimes");
    }
}
