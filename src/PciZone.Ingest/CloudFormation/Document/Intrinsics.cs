namespace PciZone.Ingest.CloudFormation;

/// <summary>The intrinsic functions CloudFormation defines, in short (YAML tag) and long form.</summary>
internal static class Intrinsics
{
    /// <summary>Short-form tag (without the '!') to the long-form key it stands for.</summary>
    private static readonly Dictionary<string, string> TagToKey = new(StringComparer.Ordinal)
    {
        ["Ref"] = "Ref",
        ["Condition"] = "Condition",
        ["Sub"] = "Fn::Sub",
        ["GetAtt"] = "Fn::GetAtt",
        ["If"] = "Fn::If",
        ["Join"] = "Fn::Join",
        ["Select"] = "Fn::Select",
        ["Split"] = "Fn::Split",
        ["Equals"] = "Fn::Equals",
        ["And"] = "Fn::And",
        ["Or"] = "Fn::Or",
        ["Not"] = "Fn::Not",
        ["FindInMap"] = "Fn::FindInMap",
        ["Base64"] = "Fn::Base64",
        ["Cidr"] = "Fn::Cidr",
        ["GetAZs"] = "Fn::GetAZs",
        ["ImportValue"] = "Fn::ImportValue",
        ["Transform"] = "Fn::Transform",
        ["Length"] = "Fn::Length",
        ["ToJsonString"] = "Fn::ToJsonString",
    };

    private static readonly HashSet<string> LongForms = new(TagToKey.Values.Where(v => v.StartsWith("Fn::", StringComparison.Ordinal)), StringComparer.Ordinal);

    /// <summary>The long-form key for a short-form tag such as <c>!Sub</c>, or null when unknown.</summary>
    public static string? KeyForTag(string tag) =>
        tag.Length > 1 && tag[0] == '!' && TagToKey.TryGetValue(tag[1..], out var key) ? key : null;

    /// <summary>True when a mapping key that starts with <c>Fn::</c> names a real function.</summary>
    public static bool IsKnownFunctionKey(string key) =>
        LongForms.Contains(key) || key.StartsWith("Fn::ForEach::", StringComparison.Ordinal);
}

/// <summary>
/// A template that cannot be read, with the line to blame. Thrown inside the parsers only and turned
/// into an <see cref="InputError"/> by the reader, so nothing escapes <c>Read</c>.
/// </summary>
internal sealed class TemplateException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>Limits that keep a hostile template from exhausting memory or the stack.</summary>
internal static class TemplateLimits
{
    /// <summary>Largest template read; CloudFormation itself accepts at most 1 MB.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences, counted across aliases.</summary>
    public const int MaxDepth = 128;

    /// <summary>Nodes that aliases may add when expanded; real templates use few aliases, bombs use billions.</summary>
    public const int MaxAliasExpansion = 100_000;

    /// <summary>Deepest evaluation (Conditions that name Conditions, nested functions).</summary>
    public const int MaxEvaluationDepth = 256;
}
