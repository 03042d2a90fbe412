using System.Reflection;
using PciZone.Compliance;

namespace PciZone.Rules;

/// <summary>
/// The built-in rules: every <see cref="IRule"/> class in this assembly paired with the rule.yaml of
/// the folder whose slug, in PascalCase, is the class name.
/// </summary>
public sealed class RulePack
{
    private RulePack(IReadOnlyList<IRule> rules) => Rules = rules;

    /// <summary>All rules ordered by id.</summary>
    public IReadOnlyList<IRule> Rules { get; }

    /// <summary>The built-in pack, loaded once.</summary>
    public static RulePack BuiltIn => LazyBuiltIn.Value;

    private static readonly Lazy<RulePack> LazyBuiltIn = new(Load);

    /// <summary>Rule metadata documents embedded in this assembly: resource name to text.</summary>
    public static IReadOnlyDictionary<string, string> EmbeddedMetadata()
    {
        var asm = typeof(RulePack).Assembly;
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)))
        {
            using var s = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(s);
            result[name] = reader.ReadToEnd();
        }

        return result;
    }

    /// <summary>Rule classes in this assembly.</summary>
    public static IReadOnlyList<Type> RuleTypes() =>
        typeof(RulePack).Assembly.GetTypes()
            .Where(t => typeof(IRule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>PascalCase of a slug: <c>s3-bucket-encrypted-at-rest</c> to <c>S3BucketEncryptedAtRest</c>.</summary>
    public static string ClassNameFor(string slug) =>
        string.Concat(slug.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static RulePack Load()
    {
        var descriptors = EmbeddedMetadata()
            .Select(kv => RuleYaml.Parse(kv.Key, kv.Value))
            .ToDictionary(d => ClassNameFor(d.Slug), StringComparer.Ordinal);
        var rules = new List<IRule>();
        foreach (var type in RuleTypes())
        {
            if (!descriptors.TryGetValue(type.Name, out var descriptor))
            {
                throw new InvalidOperationException($"rule class {type.Name} has no rule.yaml whose slug matches it");
            }

            var rule = (IRule)Activator.CreateInstance(type, nonPublic: true)!;
            var prop = type.GetProperty(nameof(IRule.Descriptor), BindingFlags.Public | BindingFlags.Instance)!;
            prop.SetValue(rule, descriptor);
            rules.Add(rule);
        }

        return new RulePack(rules.OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal).ToList());
    }
}
