using System.Reflection;

namespace PciZone.Architecture.Tests;

/// <summary>The dependency rules of the house style, read from the built assemblies' references.</summary>
public sealed class DependencyRulesTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["PciZone.Estate"] = [],
        ["PciZone.Compliance"] = [],
        ["PciZone.Rules"] = ["PciZone.Estate", "PciZone.Compliance", "PciZone.Scope"],
        ["PciZone.Scope"] = ["PciZone.Estate"],
        ["PciZone.Ingest"] = ["PciZone.Estate"],
        ["PciZone.Reporting"] = ["PciZone.Compliance"],
        ["PciZone.LandingZone"] = ["PciZone.Compliance"],
        ["PciZone.Monitoring"] = ["PciZone.Compliance"],
        ["PciZone.Monitoring.Store"] = ["PciZone.Monitoring", "PciZone.Compliance", "PciZone.Storage"],
        ["PciZone.Monitoring.Aws"] = ["PciZone.Monitoring"],

        // What every database store shares, on ADO.NET alone (the migration runner); it references nothing of ours.
        ["PciZone.Storage"] = [],

        // The vault shares nothing with the scanner: it is deployed and threat-modelled on its own.
        ["PciZone.Vault"] = [],
        ["PciZone.Vault.Stores"] = ["PciZone.Vault", "PciZone.Storage"],
        ["PciZone.Vault.Server"] = ["PciZone.Vault"],
    };

    // The only assemblies that may reference the AWS SDK: they talk to AWS and nothing else does.
    private static readonly HashSet<string> AwsSdkAllowed = new(StringComparer.Ordinal) { "PciZone.Monitoring.Aws", "PciZone.Vault" };

    public static TheoryData<string> Assemblies() => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Assembly_ReferencesOnlyAllowedPciZoneAssemblies(string name)
    {
        var ours = References(name).Where(r => r.StartsWith("PciZone.", StringComparison.Ordinal)).ToList();
        ours.ShouldBeSubsetOf(Allowed[name], $"{name} may reference only {string.Join(", ", Allowed[name])}");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Assembly_DoesNotReferenceAwsSdkOrConsoleLibraries(string name)
    {
        // Only the AWS adapters may use the AWS SDK; only the CLI parses command lines and draws consoles.
        var sdkAllowed = AwsSdkAllowed.Contains(name);
        References(name).ShouldNotContain(r => (!sdkAllowed && r.StartsWith("AWSSDK", StringComparison.Ordinal))
                                               || r == "System.CommandLine" || r == "Spectre.Console");
    }

    [Fact]
    public void AllowedTable_CoversEverySourceProject()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var projects = Directory.GetDirectories(src).Select(Path.GetFileName)
            .Where(n => n!.StartsWith("PciZone.", StringComparison.Ordinal) && n is not "PciZone.Cli")
            .ToList();
        projects.ShouldBeSubsetOf(Allowed.Keys, "add every new src project to the dependency table");
    }

    private static IEnumerable<string> References(string name) =>
        Assembly.Load(name).GetReferencedAssemblies().Select(a => a.Name ?? "");

    private static string RepoRoot() =>
        typeof(DependencyRulesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "RepoRoot").Value!;
}
