using PciZone.Ingest;
using PciZone.Scope.Result;

namespace PciZone.Scope.Tests.Engine;

/// <summary>Runs the analysis on a planned case under Cases/&lt;name&gt;/fixtures/terraform/plan.json.</summary>
internal static class CaseHarness
{
    public const string M = "module.case.";

    public static ScopeResult Run(string name, ScopeOptions? options = null, bool allFlows = false)
    {
        var plan = Path.Combine(Root(), "tests", "PciZone.Scope.Tests", "Cases", name, "fixtures", "terraform", "plan.json");
        var load = InputLoader.Load([plan]);
        load.Errors.ShouldBeEmpty();
        return ScopeAnalyzer.Analyze(load.Estate, options ?? ScopeOptions.Default, check => [$"req-of-{check}"], allFlows);
    }

    public static Flow Flow(this ScopeResult r, string from, string to) =>
        r.Flows.SingleOrDefault(f => f.From == Name(from) && f.To == Name(to) && !f.Path.Any(h => h.Kind == "listener"))
        ?? throw new ShouldAssertException($"no flow {from} -> {to}; flows: {string.Join("; ", r.Flows.Select(f => $"{f.From} -> {f.To} {f.Verdict}"))}");

    public static ScopeSystem System(this ScopeResult r, string address) => r.Systems.Single(s => s.Address == M + address);

    private static string Name(string n) => n == "internet" ? n : M + n;

    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PciZone.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? typeof(CaseHarness).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;
    }
}
