using System.Text.RegularExpressions;
using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>
/// Finds the .tf file and line of a resource block, so that findings point at source code rather
/// than at a plan. A plan does not record the directory it was made in: the plan file's own
/// directory is taken as the root module's, and local module sources are followed from there.
/// </summary>
internal sealed partial class SourceLocator
{
    private readonly Dictionary<string, Dictionary<string, (string File, int Line)>> _byDir = new(StringComparer.Ordinal);
    private readonly string _planFile;

    public SourceLocator(string planFile) => _planFile = planFile;

    public Provenance Locate(ModuleConfig? module, string type, string name, string address)
    {
        if (module?.SourceDir is { } dir && Blocks(dir) is { Count: > 0 } blocks && Find(blocks, type, name) is { } at)
        {
            return new Provenance(at.File, at.Line, address);
        }

        return new Provenance(_planFile, 0, address);
    }

    // Runs once per planned instance: the "type.name" key is composed on the stack, not allocated.
    private static (string File, int Line)? Find(Dictionary<string, (string File, int Line)> blocks, string type, string name)
    {
        var length = type.Length + 1 + name.Length;
        Span<char> key = length <= 256 ? stackalloc char[length] : new char[length];
        type.CopyTo(key);
        key[type.Length] = '.';
        name.CopyTo(key[(type.Length + 1)..]);
        return blocks.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var at) ? at : null;
    }

    private Dictionary<string, (string File, int Line)> Blocks(string dir)
    {
        if (_byDir.TryGetValue(dir, out var cached))
        {
            return cached;
        }

        var blocks = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        try
        {
            if (Directory.Exists(dir))
            {
                foreach (var file in Directory.EnumerateFiles(dir, "*.tf").Order(StringComparer.Ordinal))
                {
                    var line = 0;
                    foreach (var text in File.ReadLines(file))
                    {
                        line++;
                        var m = ResourceBlock().Match(text);
                        if (m.Success)
                        {
                            blocks.TryAdd($"{m.Groups[1].Value}.{m.Groups[2].Value}", (RelativeToCwd(file), line));
                        }
                    }
                }
            }
        }
        catch (IOException)
        {
            // Provenance falls back to the plan file; a missing source is not an input error.
        }
        catch (UnauthorizedAccessException)
        {
        }

        _byDir[dir] = blocks;
        return blocks;
    }

    private static string RelativeToCwd(string file)
    {
        var rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        return rel.StartsWith("..", StringComparison.Ordinal) ? file : rel;
    }

    [GeneratedRegex("""^\s*resource\s+"([^"]+)"\s+"([^"]+)"\s*\{""")]
    private static partial Regex ResourceBlock();
}
