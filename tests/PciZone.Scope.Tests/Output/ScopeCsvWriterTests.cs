using PciZone.Scope.Output;
using PciZone.Scope.Result;
using static PciZone.Scope.Tests.Output.ScopeSamples;

namespace PciZone.Scope.Tests.Output;

public sealed class ScopeCsvWriterTests
{
    [Fact]
    public void WriteCsv_Sample_MatchesApprovedSnapshot() =>
        Approvals.Verify("sample", "csv", Render.As("csv", Sample()));

    [Fact]
    public void WriteCsv_Sample_OneRecordPerFlowWithTheHeaderColumns()
    {
        var records = Csv.Parse(Render.As("csv", Sample()));

        string.Join(',', records[0]).ShouldBe(ScopeCsvWriter.Header);
        records.Count.ShouldBe(1 + Sample().Flows.Count);
        records.ShouldAllBe(r => r.Length == records[0].Length);
    }

    [Fact]
    public void WriteCsv_ViolatingFlow_HasCategoriesChecksRequirementsAndFirstHop()
    {
        var records = Csv.Parse(Render.As("csv", Sample()));
        var header = records[0].ToList();
        string Cell(string[] r, string column) => r[header.IndexOf(column)];

        var row = records.Single(r => r[0] == "aws_instance.reporting");
        Cell(row, "from_category").ShouldBe("connected-to");
        Cell(row, "to").ShouldBe("aws_db_instance.cards");
        Cell(row, "to_category").ShouldBe("cde");
        Cell(row, "verdict").ShouldBe("reachable");
        Cell(row, "declared").ShouldBe("false");
        Cell(row, "violations").ShouldBe("non-cde-to-cde");
        Cell(row, "requirements").ShouldBe("1.3.1;1.2.5");
        Cell(row, "hops").ShouldBe("3");
        Cell(row, "first_hop").ShouldBe("sg-egress  aws_security_group.reporting  egress all to 0.0.0.0/0  (security.tf:30)");
        Cell(row, "path").Split(ScopeCsvWriter.HopSeparator).Length.ShouldBe(3);

        var blocked = records.Single(r => Cell(r, "verdict") == "blocked");
        Cell(blocked, "blocked_by").ShouldBe("route  aws_route_table.main_private  no route to 10.50.0.0/16 (peering without a return route)  (network.tf:50)");
        Cell(blocked, "violations").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x.invalid\",\"click\")")]
    [InlineData("+1+2")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    public void WriteCsv_CellStartingLikeAFormula_GetsALeadingApostrophe(string value)
    {
        var result = new ScopeResult(
            [Sys(value, "Ec2Instance", null, [], ScopeCategory.OutOfScope, "r")],
            [F(value, "internet", "tcp/443", FlowVerdict.Unknown, [], unknownBecause: value)],
            [], [], []);

        var row = Csv.Parse(Render.As("csv", result))[1];

        row[0].ShouldBe("'" + value);
        row[10].ShouldBe("'" + value);
        row[2].ShouldBe("internet");
    }

    [Fact]
    public void WriteCsv_QuotesCommasAndLineBreaks_AreQuotedPerRfc4180AndRoundTrip()
    {
        var records = Csv.Parse(Render.As("csv", Sample()));

        var odd = records.Single(r => r[0] == OddAddress);
        odd[0].ShouldBe(OddAddress);
        var text = Render.As("csv", new ScopeResult([], [F("a,b", "c\"d", "e\r\nf", FlowVerdict.Reachable, [])], [], [], []));
        text.ShouldContain("\"a,b\",unknown,\"c\"\"d\",unknown,\"e\r\nf\",reachable");
        Csv.Parse(text)[1][..5].ShouldBe(["a,b", "unknown", "c\"d", "unknown", "e\r\nf"]);
    }
}
