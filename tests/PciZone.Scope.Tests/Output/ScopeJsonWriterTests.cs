using System.Text.Json.Nodes;

namespace PciZone.Scope.Tests.Output;

public sealed class ScopeJsonWriterTests
{
    [Fact]
    public void WriteJson_Sample_MatchesApprovedSnapshot() =>
        Approvals.Verify("sample", "json", Render.As("json", ScopeSamples.Sample()));

    [Fact]
    public void WriteJson_Sample_ValidatesAgainstPublishedSchema() =>
        Schemas.Errors(Render.As("json", ScopeSamples.Sample())).ShouldBeEmpty();

    [Fact]
    public void WriteJson_Empty_ValidatesAgainstPublishedSchema() =>
        Schemas.Errors(Render.As("json", ScopeSamples.Empty())).ShouldBeEmpty();

    [Fact]
    public void Schema_DocumentMissingHopProvenance_IsRejected()
    {
        // The schema must be able to fail, or validating against it proves nothing.
        var doc = JsonNode.Parse(Render.As("json", ScopeSamples.Sample()))!;
        doc["flows"]![0]!["path"]![0]!.AsObject().Remove("source");
        doc["systems"]![0]!["category"] = "maybe";

        var errors = Schemas.Errors(doc.ToJsonString());

        errors.ShouldNotBeEmpty();
        errors.ShouldContain(e => e.StartsWith("/flows/0/path/0", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("/systems/0/category", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteJson_Violation_CarriesRequirementsAndEveryHopWithProvenance()
    {
        var doc = JsonNode.Parse(Render.As("json", ScopeSamples.Sample()))!;

        var violation = doc["violations"]!.AsArray().Single(v => (string?)v!["check"] == "internet-to-cde")!;
        violation["requirements"]!.AsArray().Select(r => (string?)r).ShouldBe(["1.3.1", "1.4.1", "11.4.5"]);
        var path = violation["flow"]!["path"]!.AsArray();
        path.Select(h => (string?)h!["kind"]).ShouldBe(["igw", "route", "nacl-in", "sg-ingress", "nacl-return"]);
        var sg = path[3]!;
        ((string?)sg["component"]).ShouldBe("aws_security_group.payments");
        ((string?)sg["entry"]).ShouldBe("ingress tcp/22 from 0.0.0.0/0");
        ((string?)sg["source"]!["file"]).ShouldBe("security.tf");
        ((int?)sg["source"]!["line"]).ShouldBe(12);
        ((string?)sg["source"]!["address"]).ShouldBe("aws_security_group.payments");
    }

    [Fact]
    public void WriteJson_Flows_HaveEveryVerdictWithBlockerOrUnknownReason()
    {
        var flows = JsonNode.Parse(Render.As("json", ScopeSamples.Sample()))!["flows"]!.AsArray();

        flows.Count.ShouldBe(8);
        var blocked = flows.Single(f => (string?)f!["verdict"] == "blocked")!;
        ((string?)blocked["blockedBy"]!["kind"]).ShouldBe("route");
        ((int?)blocked["blockedBy"]!["source"]!["line"]).ShouldBe(50);
        ((string?)blocked["fromCategory"]).ShouldBe("out-of-scope");
        var unknown = flows.Single(f => (string?)f!["verdict"] == "unknown")!;
        ((string?)unknown["unknownBecause"]).ShouldStartWith("aws_vpc_peering_connection.partner");
        ((string?)unknown["toCategory"]).ShouldBe("external");
        unknown["violations"]!.AsArray().Select(v => (string?)v).ShouldBe(["cde-egress"]);
        flows.Count(f => (string?)f!["verdict"] == "reachable").ShouldBe(6);
        flows.Where(f => (string?)f!["verdict"] == "reachable").ShouldAllBe(f => f!["blockedBy"] == null);
    }

    [Fact]
    public void WriteJson_SystemsAndSelectors_AreAllThere()
    {
        var doc = JsonNode.Parse(Render.As("json", ScopeSamples.Sample()))!;

        doc["cdeSelectors"]!.AsArray().Select(s => (string?)s).ShouldBe(["tag:pci=cde", "subnet:aws_subnet.app"]);
        doc["systems"]!.AsArray().Select(s => (string?)s!["category"]).ShouldBe(
            ["cde", "cde", "connected-to", "connected-to", "security-impacting", "security-impacting", "out-of-scope", "out-of-scope"]);
        ((int?)doc["summary"]!["categories"]!["connected-to"]).ShouldBe(2);
        ((int?)doc["summary"]!["verdicts"]!["unknown"]).ShouldBe(1);
        doc["notes"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public void WriteJson_ValuesNeedingEscape_RoundTripExactly()
    {
        var doc = JsonNode.Parse(Render.As("json", ScopeSamples.Sample()))!;

        var odd = doc["systems"]!.AsArray().Single(s => ((string?)s!["address"])!.StartsWith("aws_instance.legacy", StringComparison.Ordinal))!;
        ((string?)odd["address"]).ShouldBe(ScopeSamples.OddAddress);
        ((string?)odd["reason"]).ShouldBe(ScopeSamples.OddReason);
    }
}
