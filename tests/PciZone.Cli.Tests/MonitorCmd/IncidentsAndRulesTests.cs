using System.Text.Json.Nodes;
using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.MonitorCmd;

public sealed class IncidentsAndRulesTests
{
    private static (TempDir Dir, string Store, long Id) StoreWithIncident()
    {
        var dir = new TempDir();
        CloudTrailFiles.WriteFile(dir.PathOf("logs"), 1, CloudTrailFiles.RootLogin("0f5b5c1e-0000-4000-8000-000000000041"));
        var store = dir.PathOf("m.db");
        Pcizone.Run("monitor", "run", "--from", dir.PathOf("logs"), "--store", store).ExitCode.ShouldBe(1);
        var list = JsonNode.Parse(Pcizone.Run("monitor", "incidents", "list", "--store", store, "--format", "json").Out)!.AsArray();
        return (dir, store, list[0]!["id"]!.GetValue<long>());
    }

    [Fact]
    public void AckThenResolve_RecordsWhoAndNoteInHistory_AndResolvedCannotBeAcknowledged()
    {
        var (dir, store, id) = StoreWithIncident();
        using (dir)
        {
            Pcizone.Run("monitor", "incidents", "ack", $"{id}", "--by", "alice", "--note", "INC-7 looking", "--store", store).ExitCode.ShouldBe(0);
            Pcizone.Run("monitor", "incidents", "resolve", $"{id}", "--by", "bob", "--note", "break-glass test", "--store", store).ExitCode.ShouldBe(0);

            var show = Pcizone.Run("monitor", "incidents", "show", $"{id}", "--store", store);
            show.Out.ShouldContain("alice: open -> acknowledged - INC-7 looking");
            show.Out.ShouldContain("bob: acknowledged -> resolved - break-glass test");
            var again = Pcizone.Run("monitor", "incidents", "ack", $"{id}", "--by", "carol", "--store", store);
            again.ExitCode.ShouldBe(2);
            Pcizone.Run("monitor", "incidents", "list", "--state", "resolved", "--store", store).Out.ShouldContain($"{id}");
        }
    }

    [Fact]
    public void Ack_WithoutActor_Exits2()
    {
        var (dir, store, id) = StoreWithIncident();
        using (dir)
        {
            var r = Pcizone.Run("monitor", "incidents", "ack", $"{id}", "--store", store);

            r.ExitCode.ShouldBe(2);
            r.Error.ShouldContain("--by WHO is required");
        }
    }

    [Fact]
    public void Show_UnknownIncidentOrMissingStore_Exits2()
    {
        var (dir, store, _) = StoreWithIncident();
        using (dir)
        {
            Pcizone.Run("monitor", "incidents", "show", "99999", "--store", store).ExitCode.ShouldBe(2);
            Pcizone.Run("monitor", "incidents", "list", "--store", dir.PathOf("none.db")).Error.ShouldContain("no incident store");
        }
    }

    [Fact]
    public void RulesList_Json_HasAtLeast40RulesCoveringEvery10_2_1Subrequirement()
    {
        var placeholders = Path.Combine(Pcizone.RepoRoot, "src", "PciZone.Monitoring", "Rules", "test-placeholders.yaml");
        var r = Pcizone.Run("monitor", "rules", "list", "--format", "json", "--placeholders", placeholders);

        r.ExitCode.ShouldBe(0, r.Error);
        JsonNode.Parse(r.Out)!["inactive"]!.AsArray().ShouldBeEmpty();
        var rules = JsonNode.Parse(r.Out)!["rules"]!.AsArray();
        rules.Count.ShouldBeGreaterThanOrEqualTo(40);
        var requirements = rules.SelectMany(x => x!["requirements"]!.AsArray().Select(q => q!.GetValue<string>())).ToHashSet();
        foreach (var id in new[] { "10.2.1.1", "10.2.1.2", "10.2.1.3", "10.2.1.4", "10.2.1.5", "10.2.1.6", "10.2.1.7", "10.7.2" })
        {
            requirements.ShouldContain(id);
        }
    }

    [Fact]
    public void RulesList_WithoutPlaceholders_ListsCdeAndLogBucketRulesAsWaitingNotActive()
    {
        var r = Pcizone.Run("monitor", "rules", "list", "--format", "json");

        r.ExitCode.ShouldBe(0, r.Error);
        var doc = JsonNode.Parse(r.Out)!;
        var inactive = doc["inactive"]!.AsArray();
        inactive.ShouldNotBeEmpty();
        inactive.SelectMany(x => x!["missingPlaceholders"]!.AsArray().Select(p => p!.GetValue<string>())).ShouldContain("cde_buckets");
        var active = doc["rules"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).ToHashSet();
        inactive.Select(x => x!["id"]!.GetValue<string>()).ShouldAllBe(id => !active.Contains(id));
    }

    [Fact]
    public void RulesTest_BuiltInFolders_AllSamplesPass()
    {
        var rules = Path.Combine(Pcizone.RepoRoot, "src", "PciZone.Monitoring", "Rules");
        var r = Pcizone.Run("monitor", "rules", "test", Path.Combine(rules, "root"), "--placeholders", Path.Combine(rules, "test-placeholders.yaml"));

        r.ExitCode.ShouldBe(0, r.Out);
        r.Out.ShouldContain(" 0 failure(s)");
    }

    [Fact]
    public void RulesTest_RuleWhoseMatchSampleDoesNotMatch_Exits1()
    {
        using var dir = new TempDir();
        dir.Write("r/rule.yaml", """
            id: ACME-002
            title: Root console login
            description: Root signs in to the console.
            status: test
            level: high
            logsource: { product: aws, service: cloudtrail }
            detection:
              selection:
                userIdentity.type: Root
                eventName: ConsoleLogin
              condition: selection
            pcizone:
              requirements: ["10.2.1.2"]
            """);
        dir.Write("r/match/quiet.json", "{\"Records\":[" + CloudTrailFiles.QuietRead("0f5b5c1e-0000-4000-8000-000000000051") + "]}");
        dir.Write("r/nomatch/quiet.json", "{\"Records\":[" + CloudTrailFiles.QuietRead("0f5b5c1e-0000-4000-8000-000000000052") + "]}");

        var r = Pcizone.Run("monitor", "rules", "test", dir.PathOf("r"));

        r.ExitCode.ShouldBe(1);
        r.Out.ShouldContain("FAIL");
        r.Out.ShouldContain("a match sample raised no alert");
    }
}
