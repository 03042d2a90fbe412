using System.Buffers;
using System.Text.Json;
using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>
/// Turns a policy written as template nodes (or as a JSON string) into a <see cref="PolicyDocument"/>.
/// Resource attributes and pseudo parameters become <c>${Name}</c> placeholders, which keep ARNs
/// recognisable; any other unknown makes the whole policy unknown, since it might be a wildcard.
/// </summary>
internal static class PolicyRenderer
{
    public static bool Parse(Evaluator evaluator, CfnNode node, out PolicyDocument? document, out string? error)
    {
        document = null;
        if (node.IsScalar)
        {
            return PolicyParser.TryParse(node.Text!, out document, out error);
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            error = Write(evaluator, writer, node, 0);
        }

        if (error is not null)
        {
            return false;
        }

        using var json = JsonDocument.Parse(buffer.WrittenMemory);
        return PolicyParser.TryParse(json.RootElement, out document, out error);
    }

    /// <summary>Writes the evaluated node; returns why it cannot, or null.</summary>
    private static string? Write(Evaluator evaluator, Utf8JsonWriter writer, CfnNode node, int depth)
    {
        var e = evaluator.Resolve(node, placeholders: true, depth);
        if (e.IsUnknown)
        {
            return e.Reason;
        }

        node = e.Node!;
        switch (node.Kind)
        {
            case CfnNodeKind.Scalar:
                writer.WriteStringValue(node.Text);
                return null;
            case CfnNodeKind.Null:
                writer.WriteNullValue();
                return null;
            case CfnNodeKind.Sequence:
                writer.WriteStartArray();
                foreach (var item in node.Items)
                {
                    if (!evaluator.Resolve(item, placeholders: true, depth).IsNoValue && Write(evaluator, writer, item, depth + 1) is { } itemError)
                    {
                        return itemError;
                    }
                }

                writer.WriteEndArray();
                return null;
            default:
                writer.WriteStartObject();
                foreach (var entry in node.Entries)
                {
                    if (evaluator.Resolve(entry.Value, placeholders: true, depth).IsNoValue)
                    {
                        continue;
                    }

                    writer.WritePropertyName(entry.Key);
                    if (Write(evaluator, writer, entry.Value, depth + 1) is { } entryError)
                    {
                        return entryError;
                    }
                }

                writer.WriteEndObject();
                return null;
        }
    }
}
