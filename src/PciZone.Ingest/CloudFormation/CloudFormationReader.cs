using System.Text;
using System.Text.Json;
using YamlDotNet.Core;

namespace PciZone.Ingest.CloudFormation;

/// <summary>Reads CloudFormation templates (JSON or YAML) into estate resources.</summary>
public static class CloudFormationReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// True when the text has a top-level <c>Resources</c> key. Looks at lines only, without parsing,
    /// because it decides for every YAML file met while walking a directory.
    /// </summary>
    public static bool LooksLikeTemplate(byte[] text)
    {
        var span = StripBom(text);
        var first = FirstNonSpace(span);
        if (first < span.Length && span[first] == (byte)'{')
        {
            // JSON in a .template file: the reader names the JSON error if it is malformed.
            return span.IndexOf("\"Resources\""u8) >= 0;
        }

        foreach (var range in span.Split((byte)'\n'))
        {
            var line = span[range];
            if (line.StartsWith("Resources"u8) || line.StartsWith("\"Resources\""u8) || line.StartsWith("'Resources'"u8))
            {
                var rest = line[(line[0] == (byte)'R' ? 9 : 11)..].TrimStart(" \t"u8);
                if (rest.Length > 0 && rest[0] == (byte)':')
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Reads one template. Never throws: every problem is an <see cref="InputError"/> in the result.</summary>
    public static FileReadResult Read(string file, byte[] text, string addressPrefix) =>
        Read(file, text, addressPrefix, null);

    /// <summary>Reads one template with the given mappers (tests pass their own; null means the discovered ones).</summary>
    internal static FileReadResult Read(string file, byte[] text, string addressPrefix, MapperRegistry? registry)
    {
        if (text.Length > TemplateLimits.MaxBytes)
        {
            return Fail(file, 0, $"template is {text.Length / (1024 * 1024)} MB; templates larger than " +
                                 $"{TemplateLimits.MaxBytes / (1024 * 1024)} MB are refused (CloudFormation accepts at most 1 MB)");
        }

        try
        {
            var template = Template.From(Parse(text));
            return CloudFormationMapping.Map(file, template, addressPrefix, registry ?? CloudFormationMapping.Registry);
        }
        catch (TemplateException ex)
        {
            return Fail(file, ex.Line, ex.Message);
        }
        catch (YamlException ex)
        {
            return Fail(file, (int)ex.Start.Line, $"malformed YAML: {YamlMessage(ex)}");
        }
        catch (JsonException ex)
        {
            return Fail(file, (int)(ex.LineNumber ?? -1) + 1, $"malformed JSON: {JsonMessage(ex)}");
        }
        catch (DecoderFallbackException ex)
        {
            return Fail(file, 0, $"template is not UTF-8 text: {ex.Message}");
        }
        catch (Exception ex)
        {
            // The registry or a parser failed in a way we did not foresee; report it, never crash the scan.
            return Fail(file, 0, $"cannot read template: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Parses JSON with the JSON reader (so errors read as JSON errors), anything else as YAML.</summary>
    internal static CfnNode Parse(byte[] text)
    {
        var span = StripBom(text);
        var first = FirstNonSpace(span);
        if (first < span.Length && span[first] == (byte)'{')
        {
            return JsonTemplateParser.Parse(span);
        }

        return YamlTemplateParser.Parse(Encoding.UTF8.GetString(span));
    }

    private static ReadOnlySpan<byte> StripBom(byte[] text) =>
        text.AsSpan().StartsWith(Utf8Bom) ? text.AsSpan(Utf8Bom.Length) : text;

    private static int FirstNonSpace(ReadOnlySpan<byte> span)
    {
        var i = span.IndexOfAnyExcept(" \t\r\n"u8);
        return i < 0 ? span.Length : i;
    }

    private static FileReadResult Fail(string file, int line, string message) =>
        FileReadResult.Failed(new InputError(file, Math.Max(0, line), message));

    // YamlDotNet puts "(Line: 3, Col: 5, Idx: 20) - (Line: ...): " in front; we give the line ourselves.
    private static string YamlMessage(YamlException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return OneLine(cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message);
    }

    // System.Text.Json ends its messages with "LineNumber: 3 | BytePositionInLine: 7."; the line is ours to give.
    private static string JsonMessage(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return OneLine(cut >= 0 ? message[..cut] : message);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
