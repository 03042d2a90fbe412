using System.Text.Json.Nodes;
using PciZone.LandingZone.Spec;

namespace PciZone.LandingZone.Guardrails;

/// <summary>
/// One built-in SCP guardrail: the statements it contributes, where it is attached, and the PCI DSS
/// requirements it serves. Statements of several guardrails share one policy when the packer can fit them.
/// </summary>
internal sealed record Guardrail(
    string Id,
    string Title,
    IReadOnlyList<string> Requirements,
    IReadOnlyList<string> Targets,
    Func<ZoneSpec, IReadOnlyList<JsonObject>> Statements);

/// <summary>Small builders that keep the catalogue readable.</summary>
internal static class Iam
{
    public static JsonArray Strings(params string[] values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    public static JsonObject Deny(string sid, JsonArray actions, JsonObject? condition = null, string resource = "*", bool notAction = false)
    {
        var statement = new JsonObject
        {
            ["Sid"] = sid,
            ["Effect"] = "Deny",
            [notAction ? "NotAction" : "Action"] = actions,
            ["Resource"] = resource,
        };
        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }

    public static JsonObject Deny(string sid, JsonArray actions, JsonObject? condition, JsonArray resources)
    {
        var statement = Deny(sid, actions, condition);
        statement["Resource"] = resources;
        return statement;
    }

    /// <summary>The condition that exempts the named roles in every account (the pipeline and break-glass).</summary>
    public static JsonObject ExceptRoles(params string[] roles) => new()
    {
        ["ArnNotLike"] = new JsonObject { ["aws:PrincipalARN"] = Strings(roles.Select(r => $"arn:aws:iam::*:role/{r}").ToArray()) },
    };

    /// <summary>Adds one more operator block to a condition.</summary>
    public static JsonObject With(this JsonObject condition, string op, string key, JsonNode value)
    {
        condition[op] = new JsonObject { [key] = value };
        return condition;
    }
}
