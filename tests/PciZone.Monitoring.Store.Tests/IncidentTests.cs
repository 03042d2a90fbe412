using PciZone.Monitoring.Store.Incidents;
using static PciZone.Monitoring.Store.Tests.StoreFixture;

namespace PciZone.Monitoring.Store.Tests;

public sealed class IncidentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Commit_NewAlert_OpensAnIncidentWithHistory()
    {
        var clock = new ManualClock(T0.AddHours(1));
        var store = SqliteMonitorState.Open(NewPath(), time: clock);

        await store.CommitObjectAsync("a", Clean, [Alert("k1")], [], Ct);

        var incident = (await store.ListIncidentsAsync(new IncidentQuery(), Ct)).Single();
        incident.State.ShouldBe(IncidentState.Open);
        incident.RuleId.ShouldBe("PCZ-MON-001");
        incident.OpenedAt.ShouldBe(clock.Now);
        var detail = (await store.GetIncidentAsync(incident.Id, Ct))!;
        detail.Alerts.Select(a => a.Key).ShouldBe(["k1"]);
        detail.History.Single().ShouldBe(new IncidentHistoryEntry(clock.Now, "pcizone-monitor", null, IncidentState.Open, "opened by alert k1"));
    }

    [Fact]
    public async Task Commit_SameRuleAndPrincipalWithinWindow_GroupsIntoOneIncident()
    {
        var store = SqliteMonitorState.Open(NewPath(), new SqliteMonitorStateOptions { IncidentGroupingWindow = TimeSpan.FromMinutes(30) });

        await store.CommitObjectAsync("a", Clean, [
            Alert("k1", minutes: 0), Alert("k2", minutes: 20), Alert("k3", minutes: 45),
            Alert("k4", minutes: 120), Alert("k5", principal: "arn:aws:iam::111122223333:user/Bob"),
            Alert("k6", rule: "PCZ-MON-002")], [], Ct);

        var incidents = await store.ListIncidentsAsync(new IncidentQuery(), Ct);
        incidents.Select(i => i.AlertCount).Order().ShouldBe([1, 1, 1, 3]);
        var grouped = incidents.Single(i => i.AlertCount == 3);
        grouped.FirstEventTime.ShouldBe(T0);
        grouped.LastEventTime.ShouldBe(T0.AddMinutes(45));
    }

    [Fact]
    public async Task Commit_ZeroWindow_OpensOneIncidentPerAlert()
    {
        var store = SqliteMonitorState.Open(NewPath(), new SqliteMonitorStateOptions { IncidentGroupingWindow = TimeSpan.Zero });

        await store.CommitObjectAsync("a", Clean, [Alert("k1"), Alert("k2")], [], Ct);

        (await store.CountIncidentsAsync(Ct)).Open.ShouldBe(2);
    }

    [Fact]
    public async Task Commit_AfterTheGroupWasResolved_OpensANewIncident()
    {
        var store = SqliteMonitorState.Open(NewPath());
        await store.CommitObjectAsync("a", Clean, [Alert("k1")], [], Ct);
        var first = (await store.ListIncidentsAsync(new IncidentQuery(), Ct)).Single();
        await store.ResolveIncidentAsync(first.Id, "alice", null, Ct);

        await store.CommitObjectAsync("b", Clean, [Alert("k2", minutes: 1)], [], Ct);

        (await store.CountIncidentsAsync(Ct)).ShouldBe(new IncidentCounts(1, 0, 1));
    }

    [Fact]
    public async Task AcknowledgeThenResolve_RecordsWhoWhenAndNote()
    {
        var clock = new ManualClock(T0);
        var store = SqliteMonitorState.Open(NewPath(), time: clock);
        await store.CommitObjectAsync("a", Clean, [Alert("k1")], [], Ct);
        var id = (await store.ListIncidentsAsync(new IncidentQuery(), Ct)).Single().Id;

        clock.Now = T0.AddMinutes(5);
        var acked = await store.AcknowledgeIncidentAsync(id, "alice@example.com", "looking", Ct);
        clock.Now = T0.AddMinutes(9);
        var resolved = await store.ResolveIncidentAsync(id, "bob@example.com", null, Ct);

        acked.State.ShouldBe(IncidentState.Acknowledged);
        resolved.State.ShouldBe(IncidentState.Resolved);
        resolved.UpdatedAt.ShouldBe(T0.AddMinutes(9));
        var history = (await store.GetIncidentAsync(id, Ct))!.History;
        history.Skip(1).ShouldBe([
            new IncidentHistoryEntry(T0.AddMinutes(5), "alice@example.com", IncidentState.Open, IncidentState.Acknowledged, "looking"),
            new IncidentHistoryEntry(T0.AddMinutes(9), "bob@example.com", IncidentState.Acknowledged, IncidentState.Resolved, null)]);
    }

    [Fact]
    public async Task InvalidTransitions_AreRefusedWithAClearErrorAndChangeNothing()
    {
        var store = SqliteMonitorState.Open(NewPath());
        await store.CommitObjectAsync("a", Clean, [Alert("k1")], [], Ct);
        var id = (await store.ListIncidentsAsync(new IncidentQuery(), Ct)).Single().Id;
        await store.AcknowledgeIncidentAsync(id, "alice", null, Ct);

        var twice = await Should.ThrowAsync<IncidentTransitionException>(() => store.AcknowledgeIncidentAsync(id, "alice", null, Ct));
        await store.ResolveIncidentAsync(id, "alice", null, Ct);
        var reopen = await Should.ThrowAsync<IncidentTransitionException>(() => store.AcknowledgeIncidentAsync(id, "bob", null, Ct));
        await Should.ThrowAsync<IncidentTransitionException>(() => store.ResolveIncidentAsync(id, "bob", null, Ct));

        twice.Message.ShouldContain($"Incident {id} is acknowledged and cannot be acknowledged");
        reopen.From.ShouldBe(IncidentState.Resolved);
        (await store.GetIncidentAsync(id, Ct))!.History.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Transitions_UnknownIncidentOrNoActor_AreRefused()
    {
        var store = SqliteMonitorState.Open(NewPath());
        await store.CommitObjectAsync("a", Clean, [Alert("k1")], [], Ct);

        (await Should.ThrowAsync<KeyNotFoundException>(() => store.ResolveIncidentAsync(42, "alice", null, Ct))).Message.ShouldContain("42");
        await Should.ThrowAsync<ArgumentException>(() => store.ResolveIncidentAsync(1, " ", null, Ct));
        (await store.GetIncidentAsync(42, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ListIncidentsAsync_Filters_ByStateRuleAndSinceNewestFirst()
    {
        var clock = new ManualClock(T0);
        var store = SqliteMonitorState.Open(NewPath(), new SqliteMonitorStateOptions { IncidentGroupingWindow = TimeSpan.Zero }, clock);
        await store.CommitObjectAsync("a", Clean, [Alert("k1")], [], Ct);
        clock.Now = T0.AddHours(1);
        await store.CommitObjectAsync("b", Clean, [Alert("k2", rule: "PCZ-MON-002")], [], Ct);
        clock.Now = T0.AddHours(2);
        await store.CommitObjectAsync("c", Clean, [Alert("k3")], [], Ct);
        var all = await store.ListIncidentsAsync(new IncidentQuery(), Ct);
        await store.AcknowledgeIncidentAsync(all[^1].Id, "alice", null, Ct);

        all.Select(i => i.OpenedAt).ShouldBe([T0.AddHours(2), T0.AddHours(1), T0]);
        (await store.ListIncidentsAsync(new IncidentQuery(RuleId: "PCZ-MON-001"), Ct)).Count.ShouldBe(2);
        (await store.ListIncidentsAsync(new IncidentQuery(State: IncidentState.Acknowledged), Ct)).Single().Id.ShouldBe(all[^1].Id);
        // The acknowledgement at T0+2h is activity: the oldest incident counts as recent again.
        (await store.ListIncidentsAsync(new IncidentQuery(Since: T0.AddMinutes(90)), Ct)).Count.ShouldBe(2);
        (await store.ListIncidentsAsync(new IncidentQuery(Limit: 1), Ct)).Single().OpenedAt.ShouldBe(T0.AddHours(2));
        (await store.CountIncidentsAsync(Ct)).ShouldBe(new IncidentCounts(2, 1, 0));
    }
}
