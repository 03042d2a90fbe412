using System.Text.Json.Nodes;
using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.MonitorCmd;

/// <summary>A JSON-lines file or webhook added to a store that already holds alerts.</summary>
public sealed class MonitorNewSinkTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_NewJsonLinesFileOnAStoreWithAlerts_GetsOnlyNewAlertsUnlessHistoryIsAsked(bool history)
    {
        using var dir = new TempDir();
        var logs = dir.PathOf("logs");
        var store = dir.PathOf("monitor.db");
        CloudTrailFiles.WriteFile(logs, 1, CloudTrailFiles.RootLogin("0f5b5c1e-0000-4000-8000-000000000031"));
        Pcizone.Run("monitor", "run", "--from", logs, "--store", store).ExitCode.ShouldBe(1);

        CloudTrailFiles.WriteFile(logs, 2, CloudTrailFiles.RootLogin("0f5b5c1e-0000-4000-8000-000000000032"));
        var jsonl = dir.PathOf("new-sink.jsonl");
        string[] args = ["monitor", "run", "--from", logs, "--store", store, "--jsonl", jsonl];
        var r = Pcizone.Run(history ? [.. args, "--new-sink-history"] : args);

        r.ExitCode.ShouldBe(1, r.Error);
        var keys = File.ReadAllLines(jsonl).Select(l => JsonNode.Parse(l)!["key"]!.GetValue<string>()).ToList();
        keys.ShouldContain(k => k.EndsWith("0f5b5c1e-0000-4000-8000-000000000032", StringComparison.Ordinal));
        keys.Any(k => k.EndsWith("0f5b5c1e-0000-4000-8000-000000000031", StringComparison.Ordinal)).ShouldBe(history, string.Join(", ", keys));
    }
}
