using System.Text.RegularExpressions;
using System.Xml.Linq;
using PciZone.Scope.Output;
using PciZone.Scope.Result;
using static PciZone.Scope.Tests.Output.ScopeSamples;

namespace PciZone.Scope.Tests.Output;

public sealed class ScopeDotWriterTests
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";

    [Fact]
    public void WriteDot_Sample_MatchesApprovedSnapshot() =>
        Approvals.Verify("sample", "dot", Render.As("dot", Sample()));

    [Fact]
    public void WriteDot_Sample_IsValidDotThatGraphvizRendersWithoutWarnings()
    {
        var run = Graphviz.Svg(Render.As("dot", Sample(), new ScopeDotOptions(IncludeBlocked: true)));

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldBeEmpty();
        XDocument.Parse(run.Output).Root!.Name.ShouldBe(SvgNs + "svg");
    }

    [Fact]
    public void WriteDot_InvalidDot_IsRejectedByGraphviz()
    {
        // The validity test above can fail: Graphviz does reject broken DOT.
        var run = Graphviz.Svg(Render.As("dot", Sample()).Replace("\\\"", "\"", StringComparison.Ordinal));

        run.ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public void WriteDot_LabelsNeedingEscape_ReachTheSvgExactly()
    {
        var run = Graphviz.Svg(Render.As("dot", Sample()));
        run.ExitCode.ShouldBe(0, run.Error);

        var texts = XDocument.Parse(run.Output).Descendants(SvgNs + "text").Select(t => t.Value).ToList();
        texts.ShouldContain(OddAddress);
        var titles = XDocument.Parse(run.Output).Descendants(SvgNs + "a")
            .Select(a => (string?)a.Attribute(XName.Get("title", "http://www.w3.org/1999/xlink")) ?? "").ToList();
        titles.ShouldContain(t => t.Contains("reaches aws_db_instance.cards\non tcp/5432 \"via\" C:\\ops <b>&</b>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("LoadBalancer", "hexagon")]
    [InlineData("RdsCluster", "cylinder")]
    [InlineData("DynamoDbTable", "cylinder")]
    [InlineData("LambdaFunction", "component")]
    [InlineData("NatGateway", "invhouse")]
    [InlineData("VpcEndpoint", "cds")]
    [InlineData("TransitGateway", "diamond")]
    [InlineData("Ec2Instance", "box")]
    public void Shape_EstateType_ReadsAsItsKind(string type, string shape) =>
        ScopeDotWriter.Shape(type).Shape.ShouldBe(shape);

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\dir\N", "\"C:\\\\dir\\\\N\"")]
    [InlineData("a\nb\r\nc\rd", "\"a\\nb\\nc\\nd\"")]
    [InlineData("<b>{x|y}</b>", "\"<b>{x|y}</b>\"")]
    [InlineData("bell\u0007tab\t", "\"bell tab \"")]
    [InlineData("ends with \\", "\"ends with \\\\\"")]
    public void Quote_EstateText_IsEscapedForDotEscString(string text, string expected) =>
        DotText.Quote(text).ShouldBe(expected);

    [Fact]
    public void WriteDot_Clusters_PutCdeSystemsInARedClusterInsideTheirSubnet()
    {
        var dot = Render.As("dot", Sample());
        var lines = dot.Split('\n');

        var app = Array.FindIndex(lines, l => l.Contains("graph [label=\"aws_subnet.app\"", StringComparison.Ordinal));
        app.ShouldBeGreaterThan(0);
        lines[app + 1].Trim().ShouldStartWith("subgraph cluster_");
        lines[app + 2].ShouldContain("label=\"CDE\"");
        lines[app + 2].ShouldContain("color=\"#c00000\"");
        lines[app + 3].ShouldContain("label=\"aws_instance.payments\\nEc2Instance\"");
        lines[app + 4].Trim().ShouldBe("}");
        lines[app + 5].ShouldContain("aws_instance.legacy");
        lines[app + 6].ShouldContain("label=\"aws_instance.reporting\\nEc2Instance\"");
        dot.ShouldContain("label=\"aws_db_instance.cards\\nRdsInstance\\n2 subnets\", shape=cylinder");
    }

    [Fact]
    public void WriteDot_Edges_ViolationsRedBoldAllowedPlainBlockedOmitted()
    {
        var dot = Render.As("dot", Sample());
        var ids = NodeIds(dot);

        Edge(dot, ids["internet"], ids["aws_instance.payments"]).ShouldContain("color=\"#c00000\"");
        Edge(dot, ids["internet"], ids["aws_instance.payments"]).ShouldContain("style=bold");
        Edge(dot, ids["internet"], ids["aws_instance.payments"]).ShouldContain("label=\"tcp/22\"");
        Edge(dot, ids["internet"], ids["aws_lb.web"]).ShouldBe("label=\"tcp/443\", color=\"#555555\", tooltip=\"internet -> aws_lb.web\\ntcp/443\"");
        Edge(dot, ids["aws_instance.payments"], ids["external:pcx-partner"]).ShouldContain("label=\"tcp/443\\n(unknown)\"");
        dot.ShouldNotContain($"{ids["aws_instance.build"]} ->");
        dot.ShouldContain($"{ids["internet"]} [label=\"internet\", shape=doubleoctagon");
    }

    [Fact]
    public void WriteDot_IncludeBlocked_DrawsBlockedFlowsDashed()
    {
        var dot = Render.As("dot", Sample(), new ScopeDotOptions(IncludeBlocked: true));
        var ids = NodeIds(dot);

        var edge = Edge(dot, ids["aws_instance.build"], ids["aws_db_instance.cards"]);
        edge.ShouldContain("style=dashed");
        edge.ShouldContain("label=\"tcp/5432\\n(blocked)\"");
    }

    [Fact]
    public void WriteDot_ManyFlowsBetweenOnePair_CollapseIntoOneEdge()
    {
        Flow[] flows = [.. Enumerable.Range(0, 50).Select(i => F("aws_instance.a", "aws_instance.b", $"tcp/{8000 + i}", FlowVerdict.Reachable, []))];
        var result = new ScopeResult(
            [Sys("aws_instance.a", "Ec2Instance", "aws_vpc.v", ["aws_subnet.s"], ScopeCategory.ConnectedTo, "r"),
             Sys("aws_instance.b", "Ec2Instance", "aws_vpc.v", ["aws_subnet.s"], ScopeCategory.Cde, "r")],
            flows, [], [], []);

        var dot = Render.As("dot", result, new ScopeDotOptions(MaxTrafficPerEdge: 3));

        Regex.Matches(dot, "^ *n[0-9]+ -> n[0-9]+ ", RegexOptions.Multiline).Count.ShouldBe(1);
        dot.ShouldContain("label=\"tcp/8000\\ntcp/8001\\n+48 more\"");
        dot.ShouldContain("tcp/8019\\n+30 more\"");
    }

    private static Dictionary<string, string> NodeIds(string dot) =>
        Regex.Matches(dot, "^ *(n[0-9]+) \\[label=\"((?:[^\"\\\\]|\\\\.)*?)(?:\\\\n[^\"]*)?\"", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);

    private static string Edge(string dot, string from, string to)
    {
        var match = Regex.Match(dot, $"^ *{from} -> {to} \\[(.*)\\];$", RegexOptions.Multiline);
        match.Success.ShouldBeTrue($"no edge {from} -> {to}");
        return match.Groups[1].Value;
    }
}
