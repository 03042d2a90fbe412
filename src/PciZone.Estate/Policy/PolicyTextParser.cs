using System.Buffers;
using System.Text;
using System.Text.Json;

namespace PciZone.Estate;

/// <summary>
/// Reads a policy from JSON text in one forward pass (no intermediate document): every
/// policy-bearing resource of a plan carries its policy as a string, so this runs tens of thousands
/// of times per large scan. Same result as <see cref="PolicyParser.TryParse(JsonElement, out PolicyDocument?, out string?)"/>.
/// </summary>
internal static class PolicyTextParser
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    public static bool TryParse(string json, out PolicyDocument? document, out string? error)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, rented);
            var reader = new Utf8JsonReader(rented.AsSpan(0, length), Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                EnsureEnd(ref reader);
                (document, error) = (null, "policy is not a JSON object");
                return false;
            }

            var statements = new List<PolicyStatement>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isStatement = Is(ref reader, "Statement");
                reader.Read();
                if (!isStatement)
                {
                    reader.Skip();
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            statements.Add(Statement(ref reader));
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
                else if (reader.TokenType == JsonTokenType.StartObject)
                {
                    statements.Add(Statement(ref reader));
                }
                else
                {
                    reader.Skip();
                }
            }

            EnsureEnd(ref reader);
            (document, error) = (new PolicyDocument(statements), null);
            return true;
        }
        catch (JsonException ex)
        {
            (document, error) = (null, $"policy is not valid JSON: {ex.Message}");
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static PolicyStatement Statement(ref Utf8JsonReader reader)
    {
        string? sid = null;
        var effect = PolicyEffect.Allow;
        List<PolicyPrincipal> principals = [], notPrincipals = [];
        List<string> actions = [], notActions = [], resources = [], notResources = [];
        List<PolicyCondition> conditions = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!.ToUpperInvariant();
            reader.Read();
            switch (name)
            {
                case "SID": sid = reader.TokenType == JsonTokenType.String ? reader.GetString() : Skip(ref reader); break;
                case "EFFECT":
                    effect = reader.TokenType == JsonTokenType.String &&
                             string.Equals(reader.GetString(), "Deny", StringComparison.OrdinalIgnoreCase)
                        ? PolicyEffect.Deny
                        : PolicyEffect.Allow;
                    reader.Skip();
                    break;
                case "PRINCIPAL": principals = Principals(ref reader); break;
                case "NOTPRINCIPAL": notPrincipals = Principals(ref reader); break;
                case "ACTION": actions = Strings(ref reader); break;
                case "NOTACTION": notActions = Strings(ref reader); break;
                case "RESOURCE": resources = Strings(ref reader); break;
                case "NOTRESOURCE": notResources = Strings(ref reader); break;
                case "CONDITION": conditions = Conditions(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new PolicyStatement(sid, effect, principals, notPrincipals, actions, notActions, resources, notResources, conditions);
    }

    private static List<PolicyPrincipal> Principals(ref Utf8JsonReader reader)
    {
        var list = new List<PolicyPrincipal>();
        if (reader.TokenType == JsonTokenType.String)
        {
            list.Add(new PolicyPrincipal("*", reader.GetString() ?? ""));
        }
        else if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var type = reader.GetString()!;
                reader.Read();
                foreach (var v in Strings(ref reader))
                {
                    list.Add(new PolicyPrincipal(type, v));
                }
            }
        }
        else
        {
            reader.Skip();
        }

        return list;
    }

    private static List<PolicyCondition> Conditions(ref Utf8JsonReader reader)
    {
        var list = new List<PolicyCondition>();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return list;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var op = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                reader.Read();
                list.Add(new PolicyCondition(op, key, Strings(ref reader)));
            }
        }

        return list;
    }

    /// <summary>A scalar or (nested) array of scalars as text, like PolicyParser's StringList.</summary>
    private static List<string> Strings(ref Utf8JsonReader reader)
    {
        var list = new List<string>();
        AddStrings(ref reader, list);
        return list;
    }

    private static void AddStrings(ref Utf8JsonReader reader, List<string> list)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: list.Add(reader.GetString() ?? ""); break;
            case JsonTokenType.True: list.Add("true"); break;
            case JsonTokenType.False: list.Add("false"); break;
            case JsonTokenType.Number: list.Add(Encoding.UTF8.GetString(reader.ValueSpan)); break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    AddStrings(ref reader, list);
                }

                break;
            default: reader.Skip(); break;
        }
    }

    private static string? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    private static bool Is(ref Utf8JsonReader reader, string name) =>
        string.Equals(reader.GetString(), name, StringComparison.OrdinalIgnoreCase);

    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException($"'{(char)reader.ValueSpan[0]}' after the end of the JSON value");
        }
    }
}
