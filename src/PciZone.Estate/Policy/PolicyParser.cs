using System.Text.Json;

namespace PciZone.Estate;

/// <summary>Parses policy JSON (as found in a plan string or a CloudFormation object) into a <see cref="PolicyDocument"/>.</summary>
public static class PolicyParser
{
    /// <summary>Parses a policy JSON string; returns false with an error message when it is not a policy.</summary>
    public static bool TryParse(string json, out PolicyDocument? document, out string? error) =>
        PolicyTextParser.TryParse(json, out document, out error);

    /// <summary>Parses a policy JSON element.</summary>
    public static bool TryParse(JsonElement root, out PolicyDocument? document, out string? error)
    {
        document = null;
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "policy is not a JSON object";
            return false;
        }

        if (!TryGet(root, "Statement", out var st))
        {
            document = new PolicyDocument([]);
            return true;
        }

        var statements = new List<PolicyStatement>();
        if (st.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in st.EnumerateArray())
            {
                if (s.ValueKind == JsonValueKind.Object)
                {
                    statements.Add(ParseStatement(s));
                }
            }
        }
        else if (st.ValueKind == JsonValueKind.Object)
        {
            statements.Add(ParseStatement(st));
        }

        document = new PolicyDocument(statements);
        return true;
    }

    private static PolicyStatement ParseStatement(JsonElement s)
    {
        // One pass over the statement's keys (policies are parsed for every policy-bearing resource).
        JsonElement sid = default, effect = default, principal = default, notPrincipal = default, action = default,
            notAction = default, resource = default, notResource = default, condition = default;
        foreach (var p in s.EnumerateObject())
        {
            switch (p.Name.ToUpperInvariant())
            {
                case "SID": sid = p.Value; break;
                case "EFFECT": effect = p.Value; break;
                case "PRINCIPAL": principal = p.Value; break;
                case "NOTPRINCIPAL": notPrincipal = p.Value; break;
                case "ACTION": action = p.Value; break;
                case "NOTACTION": notAction = p.Value; break;
                case "RESOURCE": resource = p.Value; break;
                case "NOTRESOURCE": notResource = p.Value; break;
                case "CONDITION": condition = p.Value; break;
            }
        }

        return new PolicyStatement(
            sid.ValueKind == JsonValueKind.String ? sid.GetString() : null,
            effect.ValueKind == JsonValueKind.String && string.Equals(effect.GetString(), "Deny", StringComparison.OrdinalIgnoreCase)
                ? PolicyEffect.Deny
                : PolicyEffect.Allow,
            PrincipalList(principal),
            PrincipalList(notPrincipal),
            StringList(action),
            StringList(notAction),
            StringList(resource),
            StringList(notResource),
            ConditionList(condition));
    }

    private static List<PolicyPrincipal> PrincipalList(JsonElement p)
    {
        var list = new List<PolicyPrincipal>();
        if (p.ValueKind == JsonValueKind.String)
        {
            list.Add(new PolicyPrincipal("*", p.GetString() ?? ""));
        }
        else if (p.ValueKind == JsonValueKind.Object)
        {
            foreach (var prop in p.EnumerateObject())
            {
                foreach (var v in StringList(prop.Value))
                {
                    list.Add(new PolicyPrincipal(prop.Name, v));
                }
            }
        }

        return list;
    }

    private static List<PolicyCondition> ConditionList(JsonElement c)
    {
        var list = new List<PolicyCondition>();
        if (c.ValueKind != JsonValueKind.Object)
        {
            return list;
        }

        foreach (var op in c.EnumerateObject())
        {
            if (op.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var key in op.Value.EnumerateObject())
            {
                list.Add(new PolicyCondition(op.Name, key.Name, StringList(key.Value)));
            }
        }

        return list;
    }

    private static List<string> StringList(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => [v.GetString() ?? ""],
        JsonValueKind.True => ["true"],
        JsonValueKind.False => ["false"],
        JsonValueKind.Number => [v.GetRawText()],
        JsonValueKind.Array => v.EnumerateArray().SelectMany(StringList).ToList(),
        _ => [],
    };

    // Policy keys are case-sensitive in AWS, but hand-written templates vary; accept any case.
    private static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
