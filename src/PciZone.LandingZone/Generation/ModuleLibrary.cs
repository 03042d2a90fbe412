using System.Reflection;

namespace PciZone.LandingZone.Generation;

/// <summary>The static Terraform modules embedded in this assembly (logical names <c>modules/&lt;module&gt;/&lt;path&gt;</c>).</summary>
internal static class ModuleLibrary
{
    private const string Prefix = "modules/";

    /// <summary>Every module file: path relative to the zone root (modules/...) and its text.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files { get; } = Load();

    /// <summary>The module names.</summary>
    public static IReadOnlyList<string> Names { get; } = Files.Select(f => f.Path.Split('/')[1]).Distinct().Order(StringComparer.Ordinal).ToList();

    private static List<(string, string)> Load()
    {
        var assembly = typeof(ModuleLibrary).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n.Replace('\\', '/'), Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
