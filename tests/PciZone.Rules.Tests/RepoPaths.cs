namespace PciZone.Rules.Tests;

/// <summary>Locates the repository from the test's working directory.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string RulesDir => Path.Combine(Root, "src", "PciZone.Rules", "Aws");

    /// <summary>Every rule folder: src/PciZone.Rules/Aws/&lt;Service&gt;/&lt;slug&gt;.</summary>
    public static IReadOnlyList<string> RuleFolders() =>
        Directory.EnumerateDirectories(RulesDir)
            .SelectMany(Directory.EnumerateDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PciZone.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? BuiltFrom() ?? throw new InvalidOperationException("repository root (PciZone.slnx) not found");
    }

    // Built with --artifacts-path the binaries live outside the tree: use the root recorded at build time.
    private static string? BuiltFrom() =>
        typeof(RepoPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
}
