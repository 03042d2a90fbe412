using System.Text.Json.Nodes;
using Json.Schema;
using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.ScopeCmd;

/// <summary><c>pcizone scope</c> end to end: the bundled example, its declarations, bad input, every format.</summary>
public sealed class ScopeCommandTests
{
    private static readonly string Example = Path.Combine(Pcizone.RepoRoot, "examples", "payment-gateway");

    [Fact]
    public void Example_ReportsTheBastionsUndeclaredSshIntoTheCde_ExitsOne()
    {
        var r = Pcizone.Run("scope", Example);
        r.ExitCode.ShouldBe(1, r.Error);
        r.Out.ShouldContain("non-cde-to-cde: Bastion -> PaymentApi  tcp/22  reachable");
        r.Out.ShouldContain("sg-ingress  AppSecurityGroup");
        // The load balancer is the declared entry point, so internet traffic relayed into the API is not a violation.
        r.Out.ShouldNotContain("internet-to-cde:");
        r.Out.ShouldContain("carries CDE traffic: internet -> PaymentApi");
    }

    [Fact]
    public void Example_WithoutTheEntryPoint_InternetThroughTheBalancerIsAViolation()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.PathOf("scope.yaml"), "scope:\n  cde: [\"PaymentApi\", \"subnet:CdeSubnet*\"]\n");
        var r = Pcizone.Run("scope", Path.Combine(Example, "cloudformation"), "--config", temp.PathOf("scope.yaml"));
        r.ExitCode.ShouldBe(1, r.Error);
        r.Out.ShouldContain("internet-to-cde: internet -> PaymentApi  tcp/8443  reachable");
        r.Out.ShouldContain("listener");
    }

    [Fact]
    public void Json_ValidatesAgainstThePublishedSchema()
    {
        var r = Pcizone.Run("scope", Example, "--format", "json");
        r.ExitCode.ShouldBe(1, r.Error);
        var schema = JsonSchema.FromFile(Path.Combine(Pcizone.RepoRoot, "docs", "schemas", "scope-evidence.schema.json"));
        var result = schema.Evaluate(JsonNode.Parse(r.Out), new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.ShouldBeTrue(string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Values)));
        JsonNode.Parse(r.Out)!["violations"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public void Csv_HasOneRowPerFlow()
    {
        var r = Pcizone.Run("scope", Path.Combine(Example, "cloudformation"), "--format", "csv");
        r.Out.ShouldStartWith("from,from_category,to,to_category,traffic,verdict");
        r.Out.ShouldContain("\nBastion,connected-to,PaymentApi,cde,tcp/22,reachable,false,non-cde-to-cde,");
    }

    [Fact]
    public void Svg_IsRenderedByGraphviz()
    {
        if (!DotAvailable())
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true", "CI must install graphviz");
            Assert.Skip("graphviz dot is not installed");
        }

        using var temp = new TempDir();
        var r = Pcizone.Run("scope", Example, "--format", "svg", "-o", temp.PathOf("net.svg"));
        r.ExitCode.ShouldBe(1, r.Error);
        var svg = File.ReadAllText(temp.PathOf("net.svg"));
        svg.ShouldContain("<svg");
        svg.ShouldContain("PaymentApi");
    }

    [Fact]
    public void BadSelectorOnTheCommandLine_ExitsTwoAndSaysWhy()
    {
        var r = Pcizone.Run("scope", Example, "--cde", "bogus:thing");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("unknown kind 'bogus'");
    }

    [Fact]
    public void BadTrafficInTheConfig_ExitsTwoNamingFileAndLine()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.PathOf(".pcizone.yaml"), "scope:\n  flows:\n    - { from: a, to: b, traffic: \"tcp/99999\" }\n");
        var r = Pcizone.Run("scope", Path.Combine(Example, "cloudformation"), "--config", temp.PathOf(".pcizone.yaml"));
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain(".pcizone.yaml:3");
        r.Error.ShouldContain("99999");
    }

    [Fact]
    public void Scan_RunsTheSegmentationRulesWithTheDeclarations()
    {
        var r = Pcizone.Run("scan", Path.Combine(Example, "cloudformation"), "--format", "csv");
        r.Out.ShouldContain("PCZ-SEG-002");
        r.Out.Split('\n').ShouldContain(l => l.Contains("PCZ-SEG-002", StringComparison.Ordinal) && l.Contains("PaymentApi", StringComparison.Ordinal) && l.Contains("fail", StringComparison.OrdinalIgnoreCase));
        r.Out.Split('\n').ShouldContain(l => l.Contains("PCZ-SEG-001", StringComparison.Ordinal) && l.Contains("PaymentApi", StringComparison.Ordinal) && l.Contains("pass", StringComparison.OrdinalIgnoreCase));
    }

    private static bool DotAvailable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "dot")));

    private sealed class TempDir : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("pcizone-scope-").FullName;

        public string PathOf(string name) => Path.Combine(_path, name);

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
