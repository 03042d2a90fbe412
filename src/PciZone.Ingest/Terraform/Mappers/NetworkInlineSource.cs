using System.Text.RegularExpressions;
using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// Pairs the set-typed inline blocks of a resource (the <c>route</c> blocks of <c>aws_route_table</c>) with
/// their blocks in the .tf source, for when <see cref="NetworkInlineRefs"/> cannot tell which of several
/// referenced resources a block names: the plan orders a set's elements by hash and gives the
/// configuration only as one reference list, but the source keeps each block with its own reference.
/// Only single-line attributes of literal blocks are read; a dynamic block, a source that cannot be read
/// or a block that matches ambiguously leaves the value Unknown.
/// </summary>
internal static partial class NetworkInlineSource
{
    /// <summary>
    /// The blocks named <paramref name="blockName"/> directly inside the resource declared at <paramref name="at"/>,
    /// each as attribute name to expression text; null when the source is unavailable or uses dynamic blocks.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>>? Blocks(Provenance at, string blockName)
    {
        if (at.Line <= 0 || !at.File.EndsWith(".tf", StringComparison.Ordinal) || Read(at.File) is not { } lines || at.Line > lines.Length)
        {
            return null;
        }

        var blocks = new List<IReadOnlyDictionary<string, string>>();
        Dictionary<string, string>? current = null;
        var depth = 0;
        for (var i = at.Line - 1; i < lines.Length; i++)
        {
            var line = Strings().Replace(lines[i], "\"\"");
            if (depth == 1 && DynamicBlock().Match(lines[i]) is { Success: true } dynamic && dynamic.Groups[1].Value == blockName)
            {
                return null;
            }

            if (depth == 1 && BlockStart().Match(line) is { Success: true } start && start.Groups[1].Value == blockName)
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                blocks.Add(current);
                var inner = lines[i][(lines[i].IndexOf('{', StringComparison.Ordinal) + 1)..];
                if (line.Count(c => c == '}') > 0 && Attribute().Match(inner.TrimEnd().TrimEnd('}')) is { Success: true } single)
                {
                    current[single.Groups[1].Value] = single.Groups[2].Value.Trim();
                }
            }
            else if (depth == 2 && current is not null && Attribute().Match(lines[i]) is { Success: true } attribute)
            {
                current[attribute.Groups[1].Value] = attribute.Groups[2].Value.Trim();
            }

            depth += line.Count(c => c == '{') - line.Count(c => c == '}');
            if (depth <= 1)
            {
                current = null;
            }

            if (depth <= 0 && i >= at.Line - 1 && lines[i].Contains('}', StringComparison.Ordinal))
            {
                return blocks;
            }
        }

        return null;
    }

    /// <summary>The literal string value of an expression text, or null when it is not a plain string literal.</summary>
    public static string? Literal(string? expression) =>
        expression is { Length: >= 2 } e && e[0] == '"' && e[^1] == '"' && !e.Contains("${", StringComparison.Ordinal) ? e[1..^1] : null;

    /// <summary>
    /// The candidate address an expression text names (<c>aws_x.name.id</c>, <c>aws_x.name["k"].id</c>); null when
    /// it names no resource directly or matches no single candidate.
    /// </summary>
    public static string? Named(string expression, IReadOnlyList<string> candidates)
    {
        if (ResourceReference().Match(expression) is not { Success: true } m)
        {
            return null;
        }

        var (type, name, index) = (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
        var matches = candidates.Where(c => c.EndsWith($"{type}.{name}{index}", StringComparison.Ordinal)
                                            || (index.Length == 0 && c.Contains($"{type}.{name}[", StringComparison.Ordinal) && c.EndsWith(']'))).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>
    /// The candidate addresses a list expression text names (<c>[aws_security_group.a.id, aws_security_group.b.id]</c>);
    /// null when an element is not a plain resource reference that matches one candidate.
    /// </summary>
    public static IReadOnlyList<string>? NamedList(string expression, IReadOnlyList<string> candidates)
    {
        var text = expression.Trim();
        if (text.Length < 2 || text[0] != '[' || text[^1] != ']')
        {
            return null;
        }

        var named = new List<string>();
        foreach (var element in text[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Named(element, candidates) is not { } address)
            {
                return null;
            }

            named.Add(address);
        }

        return named;
    }

    // Ambiguous blocks come in runs from one file (a module's groups): keep the last file read.
    private static readonly Lock CacheLock = new();
    private static (string File, DateTime Written, string[] Lines)? _last;

    private static string[]? Read(string file)
    {
        try
        {
            var written = File.GetLastWriteTimeUtc(file);
            lock (CacheLock)
            {
                if (_last is { } last && last.File == file && last.Written == written)
                {
                    return last.Lines;
                }
            }

            var lines = File.ReadAllLines(file);
            lock (CacheLock)
            {
                _last = (file, written, lines);
            }

            return lines;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Strings();

    [GeneratedRegex(@"^\s*([A-Za-z0-9_]+)\s*\{")]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"^\s*dynamic\s+""([A-Za-z0-9_]+)""")]
    private static partial Regex DynamicBlock();

    [GeneratedRegex(@"^\s*([A-Za-z0-9_]+)\s*=\s*(.+?)\s*$")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"^(?:module\.[A-Za-z0-9_-]+\.)?([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)(\[[^\]]*\])?\.[A-Za-z0-9_]+$")]
    private static partial Regex ResourceReference();
}
