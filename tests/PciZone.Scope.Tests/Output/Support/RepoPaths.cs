using System.Runtime.CompilerServices;

namespace PciZone.Scope.Tests.Output;

/// <summary>Locates the repository: walks up to PciZone.slnx from the test binaries, the working directory or this source file.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ApprovedDir => Path.Combine(Root, "tests", "PciZone.Scope.Tests", "Output", "Approved");

    public static string EvidenceSchema => Path.Combine(Root, "docs", "schemas", "scope-evidence.schema.json");

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        // Builds with --artifacts-path put the binaries outside the repository, hence the fallbacks.
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PciZone.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("repository root (PciZone.slnx) not found");
    }
}
