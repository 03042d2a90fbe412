namespace PciZone.Ingest.CloudFormation;

/// <summary>
/// Evaluates intrinsic functions offline, from what the template itself says: parameter defaults,
/// Mappings and Conditions. What depends on a deployment (resource attributes, the account, the
/// region, other stacks) is Unknown with a reason that names the function and its line.
///
/// With <c>placeholders</c> on, resource attributes and pseudo parameters evaluate to a
/// <c>${Name}</c> placeholder instead of Unknown. Policies use this: an ARN built from a bucket's
/// attribute is still an identifier (never a wildcard), and the rest of the policy stays readable.
/// </summary>
internal sealed partial class Evaluator(Template template)
{
    private readonly Dictionary<string, Eval> _listParameters = new(StringComparer.Ordinal);

    public Template Template { get; } = template;

    /// <summary>Evaluates the intrinsic at the top of <paramref name="node"/>, if any (children are left as they are).</summary>
    public Eval Resolve(CfnNode node, bool placeholders = false, int depth = 0)
    {
        var name = node.FunctionName();
        if (name is null)
        {
            return Eval.Of(node);
        }

        if (depth > TemplateLimits.MaxEvaluationDepth)
        {
            return Eval.Unknown($"{name} nests too deeply to evaluate (line {node.Line})");
        }

        var arg = node.Entries[0].Value;
        var line = node.Entries[0].Line;
        depth++;
        return name switch
        {
            "Ref" => Ref(arg, line, placeholders, depth),
            "Fn::GetAtt" => GetAtt(arg, line, placeholders, depth),
            "Fn::Sub" => Sub(arg, line, placeholders, depth),
            "Fn::Join" => Join(arg, line, placeholders, depth),
            "Fn::Select" => Select(arg, line, placeholders, depth),
            "Fn::Split" => Split(arg, line, placeholders, depth),
            "Fn::FindInMap" => FindInMap(arg, line, placeholders, depth),
            "Fn::If" => If(arg, line, placeholders, depth),
            "Fn::Base64" => Base64(arg, placeholders, depth),
            "Fn::Equals" or "Fn::And" or "Fn::Or" or "Fn::Not" => TruthValue(node, line, depth),
            "Fn::GetAZs" => Eval.Unknown($"Fn::GetAZs depends on the region deployed to (line {line})"),
            "Fn::ImportValue" => Eval.Unknown($"Fn::ImportValue reads another stack's export at deploy time (line {line})"),
            _ => Eval.Unknown($"{name} is not evaluated offline (line {line})"),
        };
    }

    /// <summary>Evaluates a node to text: a scalar, or an intrinsic that yields one.</summary>
    public Eval Text(CfnNode node, bool placeholders, int depth, out string text)
    {
        var e = Resolve(node, placeholders, depth);
        text = "";
        if (!e.IsNode)
        {
            return e;
        }

        switch (e.Node!.Kind)
        {
            case CfnNodeKind.Scalar:
                text = e.Node.Text!;
                return e;
            case CfnNodeKind.Null:
                return Eval.Unknown($"value at line {node.Line} is null where text is needed");
            default:
                return Eval.Unknown($"value at line {node.Line} is a {e.Node.Kind.ToString().ToLowerInvariant()} where text is needed");
        }
    }

    private Eval Ref(CfnNode arg, int line, bool placeholders, int depth)
    {
        var e = Text(arg, placeholders, depth, out var name);
        return e.IsNode ? RefName(name, $"Ref {name}", line, placeholders) : e;
    }

    /// <summary>What a name means in a Ref or a <c>${Name}</c> of Fn::Sub.</summary>
    private Eval RefName(string name, string what, int line, bool placeholders)
    {
        switch (name)
        {
            case "AWS::NoValue":
                return Eval.NoValue;
            case "AWS::Partition":
                return Eval.Of(CfnNode.Scalar("aws", line, 0));
        }

        if (name.StartsWith("AWS::", StringComparison.Ordinal))
        {
            return placeholders
                ? Placeholder(name, line)
                : Eval.Unknown($"{what}: {name} is known only at deploy time (line {line})");
        }

        if (Template.Parameters.TryGetValue(name, out var parameter))
        {
            return Parameter(name, parameter, line);
        }

        if (Template.ResourceIds.Contains(name))
        {
            return placeholders
                ? Placeholder(name, line)
                : Eval.OfResource(name, $"{what} is known only after deployment (line {line})");
        }

        return Eval.Unknown($"{what}: the template declares no parameter or resource {name} (line {line})");
    }

    private Eval Parameter(string name, CfnNode parameter, int line)
    {
        var type = parameter.Get("Type")?.Text ?? "String";
        if (type.StartsWith("AWS::SSM::Parameter::Value", StringComparison.Ordinal))
        {
            return Eval.Unknown($"parameter {name} is read from SSM Parameter Store at deploy time (line {line})");
        }

        if (parameter.Get("Default") is not { IsScalar: true } value)
        {
            return Eval.Unknown($"parameter {name} has no default (line {line})");
        }

        if (type != "CommaDelimitedList" && !type.StartsWith("List<", StringComparison.Ordinal))
        {
            return Eval.Of(value);
        }

        if (!_listParameters.TryGetValue(name, out var list))
        {
            var items = value.Text!.Split(',').Select(s => CfnNode.Scalar(s.Trim(), value.Line, value.Column)).ToList();
            list = Eval.Of(CfnNode.Sequence(items, value.Line, value.Column));
            _listParameters[name] = list;
        }

        return list;
    }

    private Eval GetAtt(CfnNode arg, int line, bool placeholders, int depth)
    {
        string resource, attribute;
        if (arg.IsSequence && arg.Items.Count == 2)
        {
            var e = Text(arg.Items[0], placeholders, depth, out resource);
            if (!e.IsNode)
            {
                return e;
            }

            e = Text(arg.Items[1], placeholders, depth, out attribute);
            if (!e.IsNode)
            {
                return e;
            }
        }
        else if (arg.IsScalar && arg.Text!.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot)
        {
            (resource, attribute) = (arg.Text[..dot], arg.Text[(dot + 1)..]);
        }
        else
        {
            return Eval.Unknown($"Fn::GetAtt needs [Resource, Attribute] (line {line})");
        }

        return AttributeOf(resource, attribute, $"Fn::GetAtt {resource}.{attribute}", line, placeholders);
    }

    private Eval AttributeOf(string resource, string attribute, string what, int line, bool placeholders)
    {
        if (!Template.ResourceIds.Contains(resource))
        {
            return Eval.Unknown($"{what}: the template declares no resource {resource} (line {line})");
        }

        return placeholders
            ? Placeholder($"{resource}.{attribute}", line)
            : Eval.OfResource(resource, $"{what} is known only after deployment (line {line})");
    }

    private static Eval Placeholder(string name, int line) => Eval.Of(CfnNode.Scalar("${" + name + "}", line, 0));
}
