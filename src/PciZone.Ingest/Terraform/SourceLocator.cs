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
    private readonly Dictionary<string, Dictionary<string, List<InlineSuppression>>> _suppressionsByDir = new(StringComparer.Ordinal);
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

    /// <summary>True once any scanned module source holds a <c>pcizone:ignore</c> comment.</summary>
    public bool HasSuppressions { get; private set; }

    /// <summary>The <c># pcizone:ignore</c> comments on a resource block: directly above it or inside it.</summary>
    public IReadOnlyList<InlineSuppression> Suppressions(ModuleConfig? module, string type, string name) =>
        module?.SourceDir is { } dir && _suppressionsByDir.TryGetValue(dir, out var byBlock) && byBlock.TryGetValue($"{type}.{name}", out var list)
            ? list
            : [];

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
        var suppressions = new Dictionary<string, List<InlineSuppression>>(StringComparer.Ordinal);
        try
        {
            if (Directory.Exists(dir))
            {
                foreach (var file in Directory.EnumerateFiles(dir, "*.tf").Order(StringComparer.Ordinal))
                {
                    ScanFile(file, blocks, suppressions);
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
        _suppressionsByDir[dir] = suppressions;
        HasSuppressions |= suppressions.Count > 0;
        return blocks;
    }

    // A comment run directly above a resource block belongs to it; so does a comment inside it (up to
    // the block's closing brace in column 0, which is how terraform fmt writes top-level blocks).
    private static void ScanFile(string file, Dictionary<string, (string, int)> blocks, Dictionary<string, List<InlineSuppression>> suppressions)
    {
        var relative = RelativeToCwd(file);
        var line = 0;
        string? current = null;
        var pending = new List<InlineSuppression>();
        foreach (var text in File.ReadLines(file))
        {
            line++;
            var m = ResourceBlock().Match(text);
            if (m.Success)
            {
                current = $"{m.Groups[1].Value}.{m.Groups[2].Value}";
                blocks.TryAdd(current, (relative, line));
                Attach(suppressions, current, pending);
                continue;
            }

            if (Ignore().Match(text) is { Success: true } ignore)
            {
                var found = new InlineSuppression(ignore.Groups[1].Value, ignore.Groups[2].Value.Trim(), new Provenance(relative, line, current ?? ""));
                if (current is not null)
                {
                    Attach(suppressions, current, [found]);
                }
                else
                {
                    pending.Add(found);
                }

                continue;
            }

            var trimmed = text.TrimStart();
            if (text.StartsWith('}'))
            {
                current = null;
            }
            else if (current is null && !trimmed.StartsWith('#') && !trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                pending.Clear();
            }
        }
    }

    private static void Attach(Dictionary<string, List<InlineSuppression>> suppressions, string block, List<InlineSuppression> found)
    {
        if (found.Count == 0)
        {
            return;
        }

        if (!suppressions.TryGetValue(block, out var list))
        {
            suppressions[block] = list = [];
        }

        list.AddRange(found);
        found.Clear();
    }

    private static string RelativeToCwd(string file)
    {
        var rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        return rel.StartsWith("..", StringComparison.Ordinal) ? file : rel;
    }

    [GeneratedRegex("""^\s*resource\s+"([^"]+)"\s+"([^"]+)"\s*\{""")]
    private static partial Regex ResourceBlock();

    [GeneratedRegex("""^\s*(?:#|//)\s*pcizone:ignore\s+(\S+)(.*)$""")]
    private static partial Regex Ignore();
}
