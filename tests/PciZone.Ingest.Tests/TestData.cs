namespace PciZone.Ingest.Tests;

/// <summary>Test data lives in the source tree (tests/PciZone.Ingest.Tests/TestData), found from the repository root.</summary>
internal static class TestData
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Root => Path.Combine(RepoRoot, "tests", "PciZone.Ingest.Tests", "TestData");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PciZone.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? BuiltFrom() ?? throw new InvalidOperationException("repository root not found");
    }

    // Built with --artifacts-path the binaries live outside the tree: use the root recorded at build time.
    private static string? BuiltFrom() =>
        typeof(TestData).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
}
