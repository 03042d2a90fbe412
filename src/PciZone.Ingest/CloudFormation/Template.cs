namespace PciZone.Ingest.CloudFormation;

/// <summary>One resource as declared: logical id (with the line of its key), type, and raw node.</summary>
internal sealed record TemplateResource(string LogicalId, int Line, string Type, string? Condition, CfnNode? Properties)
{
    /// <summary>The resource's Metadata section (inline suppressions live under <c>pcizone.ignore</c>).</summary>
    public CfnNode? Metadata { get; init; }
}

/// <summary>
/// A parsed template: its sections looked up by name. Built once per file; the evaluator and the
/// resource views read it.
/// </summary>
internal sealed class Template
{
    private Template(
        IReadOnlyList<TemplateResource> resources,
        Dictionary<string, CfnNode> parameters,
        Dictionary<string, CfnNode> conditions,
        CfnNode? mappings,
        IReadOnlyList<string> transforms,
        IReadOnlyList<TemplateException> problems)
    {
        Resources = resources;
        Parameters = parameters;
        Conditions = conditions;
        Mappings = mappings;
        Transforms = transforms;
        Problems = problems;
        ResourceIds = new HashSet<string>(resources.Select(r => r.LogicalId), StringComparer.Ordinal);
    }

    public IReadOnlyList<TemplateResource> Resources { get; }

    public HashSet<string> ResourceIds { get; }

    public Dictionary<string, CfnNode> Parameters { get; }

    public Dictionary<string, CfnNode> Conditions { get; }

    public CfnNode? Mappings { get; }

    /// <summary>Transforms (macros such as AWS::Serverless) that would rewrite the template on deploy.</summary>
    public IReadOnlyList<string> Transforms { get; }

    /// <summary>Resources that are not well-formed; the rest of the template is still read.</summary>
    public IReadOnlyList<TemplateException> Problems { get; }

    /// <summary>Reads the sections of a parsed root node; throws <see cref="TemplateException"/> when the root is no template.</summary>
    public static Template From(CfnNode root)
    {
        if (!root.IsMapping)
        {
            throw new TemplateException(root.Line, "template is not a mapping of sections");
        }

        var resources = root.Get("Resources");
        if (resources is null || !resources.IsMapping)
        {
            throw new TemplateException(resources?.Line ?? root.Line, "template has no Resources mapping");
        }

        var problems = new List<TemplateException>();
        var list = new List<TemplateResource>(resources.Entries.Count);
        foreach (var entry in resources.Entries)
        {
            if (ReadResource(entry, problems) is { } r)
            {
                list.Add(r);
            }
        }

        return new Template(list, Section(root, "Parameters"), Section(root, "Conditions"), root.Get("Mappings"),
            TransformNames(root.Get("Transform")), problems);
    }

    private static TemplateResource? ReadResource(CfnEntry entry, List<TemplateException> problems)
    {
        if (entry.Key.StartsWith("Fn::ForEach::", StringComparison.Ordinal))
        {
            problems.Add(new TemplateException(entry.Line, $"{entry.Key}: Fn::ForEach is not expanded offline; its resources are not checked"));
            return null;
        }

        var node = entry.Value;
        if (!node.IsMapping)
        {
            problems.Add(new TemplateException(entry.Line, $"resource {entry.Key} is not a mapping"));
            return null;
        }

        if (node.Get("Type") is not { IsScalar: true } type)
        {
            problems.Add(new TemplateException(entry.Line, $"resource {entry.Key} has no Type"));
            return null;
        }

        var condition = node.Get("Condition");
        if (condition is not null && !condition.IsScalar)
        {
            problems.Add(new TemplateException(condition.Line, $"resource {entry.Key}: Condition must name a condition"));
            return null;
        }

        var properties = node.Get("Properties");
        return new TemplateResource(entry.Key, entry.Line, type.Text!, condition?.Text,
            properties is { Kind: CfnNodeKind.Null } ? null : properties) { Metadata = node.Get("Metadata") };
    }

    private static Dictionary<string, CfnNode> Section(CfnNode root, string name)
    {
        var dict = new Dictionary<string, CfnNode>(StringComparer.Ordinal);
        if (root.Get(name) is { IsMapping: true } section)
        {
            foreach (var e in section.Entries)
            {
                dict[e.Key] = e.Value;
            }
        }

        return dict;
    }

    private static List<string> TransformNames(CfnNode? transform) => transform switch
    {
        null => [],
        { IsScalar: true } => [transform.Text!],
        { IsSequence: true } => transform.Items.Select(i => i.Text ?? i.Get("Name")?.Text ?? "(macro)").ToList(),
        { IsMapping: true } => [transform.Get("Name")?.Text ?? "(macro)"],
        _ => [],
    };
}
