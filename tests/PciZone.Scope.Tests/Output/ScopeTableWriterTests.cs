using System.Text.RegularExpressions;
using PciZone.Scope.Result;

namespace PciZone.Scope.Tests.Output;

public sealed class ScopeTableWriterTests
{
    [Fact]
    public void WriteTable_Sample_MatchesApprovedSnapshot() =>
        Approvals.Verify("sample", "txt", Render.As("table", ScopeSamples.Sample()));

    [Fact]
    public void WriteTable_Empty_MatchesApprovedSnapshot() =>
        Approvals.Verify("empty", "txt", Render.As("table", ScopeSamples.Empty()));

    [Fact]
    public void WriteTable_EveryCategory_GetsAHeadingWithItsSystems()
    {
        var lines = Render.As("table", ScopeSamples.Sample()).Split('\n');

        int Heading(string text) => Array.FindIndex(lines, l => l == text);
        var cde = Heading("CDE (2)");
        var connected = Heading("Connected-to (2)");
        var impacting = Heading("Security-impacting (2)");
        var outOfScope = Heading("Out of scope (2)");
        new[] { cde, connected, impacting, outOfScope }.ShouldAllBe(i => i >= 0);
        cde.ShouldBeLessThan(connected);
        connected.ShouldBeLessThan(impacting);
        impacting.ShouldBeLessThan(outOfScope);
        lines[(cde + 1)..connected].ShouldContain(l => l.StartsWith("  aws_instance.payments ", StringComparison.Ordinal) && l.EndsWith("selector subnet:aws_subnet.app", StringComparison.Ordinal));
        lines[(outOfScope + 1)..].ShouldContain(l => Regex.IsMatch(l, @"^  aws_lambda_function\.export +LambdaFunction +- +not in a VPC"));
    }

    [Fact]
    public void WriteTable_ViolationWithMultiHopPath_ListsEveryHopInOrderOnItsOwnLine()
    {
        var text = Render.As("table", ScopeSamples.Sample());
        var lines = text.Split('\n').Select(l => Regex.Replace(l.Trim(), " {2,}", "  ")).ToList();

        var start = lines.FindIndex(l => l.StartsWith("2. internet-to-cde: internet -> aws_instance.payments  tcp/22  reachable", StringComparison.Ordinal));
        start.ShouldBeGreaterThanOrEqualTo(0, text);
        lines[start].ShouldEndWith("requirements 1.3.1, 1.4.1, 11.4.5");
        lines.Skip(start + 2).Take(5).ShouldBe(
        [
            "igw  aws_internet_gateway.main  route 0.0.0.0/0 via igw  (network.tf:40)",
            "route  aws_route_table.public  0.0.0.0/0 -> aws_internet_gateway.main  (network.tf:44)",
            "nacl-in  aws_network_acl.app  rule 100 allow tcp 0-65535 from 0.0.0.0/0  (network.tf:60)",
            "sg-ingress  aws_security_group.payments  ingress tcp/22 from 0.0.0.0/0  (security.tf:12)",
            "nacl-return  aws_network_acl.app  rule 100 allow all to 0.0.0.0/0  (network.tf:66)",
        ]);
    }

    [Fact]
    public void WriteTable_UnknownViolation_SaysWhatIsUnknown()
    {
        var text = Render.As("table", ScopeSamples.Sample());

        text.ShouldContain("cde-egress: aws_instance.payments -> external:pcx-partner  tcp/443  unknown");
        text.ShouldContain("unknown because: aws_vpc_peering_connection.partner: peer CIDR is known only after apply");
    }

    [Fact]
    public void WriteTable_Counts_ArePerCategoryVerdictAndCheck()
    {
        var text = Render.As("table", ScopeSamples.Sample());

        text.ShouldContain("systems         8  (cde 2, connected-to 2, security-impacting 2, out-of-scope 2)");
        text.ShouldContain("flows           8  (reachable 6, blocked 1, unknown 1)");
        text.ShouldContain("violations      3  (cde-egress 1, internet-to-cde 1, non-cde-to-cde 1)");
    }

    [Fact]
    public void WriteTable_ValueWithLineBreakOrEscape_StaysOnOneLine()
    {
        var result = ScopeSamples.Sample();
        var evil = result with
        {
            Systems = [.. result.Systems, ScopeSamples.Sys("aws_instance.x", "Ec2Instance", null, [], ScopeCategory.OutOfScope, "line one\r\nline two\u001b[31m red\tTab")],
        };

        var before = Render.As("table", result).Split('\n').Length;
        var text = Render.As("table", evil);

        text.Split('\n').Length.ShouldBe(before + 1);
        text.Where(c => char.IsControl(c) && c != '\n').ShouldBeEmpty();
        text.ShouldContain("line one  line two [31m red Tab");
    }
}
