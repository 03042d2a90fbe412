using System.Text.RegularExpressions;
using PciZone.Compliance;
using PciZone.Monitoring.RuleFormat;

namespace PciZone.Monitoring.Rules;

/// <summary>Loads monitor rules: the built-in pack embedded in this assembly and rule files or folders on disk.</summary>
public static partial class MonitorRules
{
    /// <summary>Resource name prefix of the built-in rules (<c>monitor-rules/&lt;area&gt;/&lt;slug&gt;/rule.yaml</c>).</summary>
    public const string ResourcePrefix = "monitor-rules/";

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoPlaceholders = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Loads and validates rules. Invalid rules are left out and reported in <see cref="MonitorRuleSet.Errors"/>
    /// with file, line and column; the caller decides whether any error stops it.
    /// </summary>
    /// <param name="includeBuiltIn">Load the embedded built-in pack.</param>
    /// <param name="paths">Rule files, or folders searched for <c>rule.yaml</c> (recursively).</param>
    /// <param name="placeholders">Values of <c>%name%</c> placeholders for <c>|expand</c>; an unknown name is an error.</param>
    public static MonitorRuleSet Load(
        bool includeBuiltIn,
        IEnumerable<string> paths,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? placeholders = null)
    {
        placeholders ??= NoPlaceholders;
        var errors = new List<RuleLoadError>();
        var inactive = new List<InactiveRule>();
        var definitions = new List<RuleDefinition>();
        if (includeBuiltIn)
        {
            foreach (var name in BuiltInResourceNames())
            {
                if (ParseOrPark(name, ReadResource(name), placeholders, errors, inactive) is not { } d)
                {
                    continue;
                }

                if (!BuiltInId().IsMatch(d.Info.Id))
                {
                    errors.Add(new RuleLoadError(name, d.IdPosition.Line, d.IdPosition.Column, $"built-in rule id '{d.Info.Id}' must be PCZ-MON-NNN"));
                    continue;
                }

                definitions.Add(d);
            }
        }

        foreach (var file in ExpandPaths(paths, errors))
        {
            if (ParseOrPark(file, File.ReadAllText(file), placeholders, errors, inactive) is { } d)
            {
                definitions.Add(d);
            }
        }

        var unique = new List<RuleDefinition>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in definitions)
        {
            if (seen.TryGetValue(d.Info.Id, out var first))
            {
                errors.Add(new RuleLoadError(d.Info.Source, d.IdPosition.Line, d.IdPosition.Column, $"rule id '{d.Info.Id}' is already used by {first}"));
                continue;
            }

            seen[d.Info.Id] = d.Info.Source;
            unique.Add(d);
        }

        return new MonitorRuleSet(unique, errors, inactive);
    }

    /// <summary>
    /// Parses one rule; when its only problems are placeholders without values, the rule is parked as
    /// inactive instead of failing the load: it is listed and reported, and runs once the values are set.
    /// </summary>
    private static RuleDefinition? ParseOrPark(
        string source, string text, IReadOnlyDictionary<string, IReadOnlyList<string>> placeholders,
        List<RuleLoadError> errors, List<InactiveRule> inactive)
    {
        var mine = new List<RuleLoadError>();
        var definition = Parse(source, text, placeholders, mine);
        if (mine.Count > 0 && mine.TrueForAll(e => e.MissingPlaceholder is not null))
        {
            var id = RuleIdLine().Match(text) is { Success: true } m ? m.Groups[1].Value : source;
            inactive.Add(new InactiveRule(id, source, [.. mine.Select(e => e.MissingPlaceholder!).Distinct(StringComparer.Ordinal)]));
            return null;
        }

        errors.AddRange(mine);
        return definition;
    }

    /// <summary>
    /// Reads a placeholder file: a YAML mapping of names to a value or a list of values
    /// (<c>cde_buckets: [cde-data-111122223333]</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> LoadPlaceholders(string path, out IReadOnlyList<RuleLoadError> errors)
    {
        var list = new List<RuleLoadError>();
        errors = list;
        return Placeholders.Parse(path, File.ReadAllText(path), list);
    }

    /// <summary>Names of the embedded built-in rules, sorted.</summary>
    public static IReadOnlyList<string> BuiltInResourceNames() =>
        [.. typeof(MonitorRules).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith("/rule.yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    internal static RuleDefinition? Parse(string source, string text, IReadOnlyDictionary<string, IReadOnlyList<string>> placeholders, List<RuleLoadError> errors) =>
        new RuleYamlParser(source, placeholders, RequirementCatalogue.PciDss401, errors).Parse(text);

    private static string ReadResource(string name)
    {
        using var stream = typeof(MonitorRules).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"embedded rule {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<string> ExpandPaths(IEnumerable<string> paths, List<RuleLoadError> errors)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "rule.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else
            {
                errors.Add(new RuleLoadError(path, 0, 0, "no such rule file or folder"));
            }
        }

        return files;
    }

    [GeneratedRegex(@"^id:[ \t]*['""]?([^'""\s#]+)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex RuleIdLine();

    [GeneratedRegex("^PCZ-MON-[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex BuiltInId();
}
