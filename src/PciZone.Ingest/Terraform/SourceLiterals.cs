using System.Text.RegularExpressions;
using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>
/// Recovers the literal strings of a list attribute from the .tf source. A plan marks a whole list
/// (a set, mostly) unknown as soon as one element is unknown, and the configuration section lists
/// only the references, so <c>[aws_iam_policy.x.arn, "arn:aws:iam::aws:policy/AdministratorAccess"]</c>
/// would otherwise lose its literal half.
/// </summary>
internal sealed partial class SourceLiterals
{
    private readonly Dictionary<string, string[]> _files = new(StringComparer.Ordinal);

    /// <summary>The literal strings written in <c>attribute = [ ... ]</c> of the block at <paramref name="block"/>; null when the source is not available.</summary>
    public IReadOnlyList<string>? ListLiterals(Provenance block, string attribute)
    {
        if (block.Line <= 0 || !block.File.EndsWith(".tf", StringComparison.Ordinal) || Lines(block.File) is not { } lines)
        {
            return null;
        }

        var depth = 0;
        var start = Regex.Escape(attribute);
        for (var i = block.Line - 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (depth == 1 && Regex.IsMatch(line, $@"^\s*{start}\s*=\s*\["))
            {
                return Collect(lines, i, line.IndexOf('[', StringComparison.Ordinal));
            }

            depth += line.Count(c => c == '{') - line.Count(c => c == '}');
            if (depth <= 0 && i >= block.Line)
            {
                return [];
            }
        }

        return [];
    }

    private static List<string> Collect(string[] lines, int lineIndex, int column)
    {
        var text = new System.Text.StringBuilder();
        var brackets = 0;
        for (var i = lineIndex; i < lines.Length; i++)
        {
            var line = i == lineIndex ? lines[i][column..] : lines[i];
            foreach (var c in line)
            {
                text.Append(c);
                brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
                if (brackets == 0)
                {
                    return StringLiteral().Matches(text.ToString()).Select(m => m.Groups[1].Value)
                        .Where(v => !v.Contains("${", StringComparison.Ordinal)).ToList();
                }
            }

            text.Append('\n');
        }

        return [];
    }

    private string[]? Lines(string file)
    {
        if (_files.TryGetValue(file, out var cached))
        {
            return cached;
        }

        try
        {
            return _files[file] = File.ReadAllLines(file);
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

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex StringLiteral();
}
