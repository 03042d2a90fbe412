using System.Globalization;
using PciZone.Estate;
using YamlDotNet.RepresentationModel;

namespace PciZone.Ingest;

/// <summary>
/// Reading helpers shared by the platform-service mappers (Secrets Manager, EFS, Backup, Inspector,
/// Macie, SSM, Network Firewall, Route 53) of both formats.
/// </summary>
internal static class PlatformReading
{
    /// <summary>The reference of every block at <paramref name="path"/>; Unknown when any of them is.</summary>
    public static Value<IReadOnlyList<ResourceRef>> BlockRefs(this IResourceView r, string path, string attribute)
    {
        var refs = new List<ResourceRef>();
        foreach (var block in r.Blocks(path))
        {
            var one = block.Ref(attribute);
            if (one.IsUnknown)
            {
                return Value.Unknown<IReadOnlyList<ResourceRef>>(one.UnknownReason ?? "unknown", one.Source);
            }

            if (one.Get() is { } reference)
            {
                refs.Add(reference);
            }
        }

        return Value.Of<IReadOnlyList<ResourceRef>>(refs, r.At(path));
    }

    /// <summary>
    /// The longest interval in days between two runs of a Secrets Manager rotation schedule
    /// (<c>rate(N days)</c>, <c>rate(N hours)</c>, or a <c>cron(...)</c> expression), or null when it
    /// cannot be told from the expression alone.
    /// </summary>
    public static int? ScheduleIntervalDays(string expression)
    {
        var e = expression.Trim();
        if (e.StartsWith("rate(", StringComparison.OrdinalIgnoreCase) && e.EndsWith(')'))
        {
            var parts = e[5..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return parts[1].StartsWith("day", StringComparison.OrdinalIgnoreCase) ? n
                    : parts[1].StartsWith("hour", StringComparison.OrdinalIgnoreCase) ? Math.Max(1, (n + 23) / 24)
                    : null;
            }

            return null;
        }

        if (e.StartsWith("cron(", StringComparison.OrdinalIgnoreCase) && e.EndsWith(')'))
        {
            // Fields: minutes hours day-of-month month day-of-week year. Every month means at most a
            // month between runs; every n-th month at most n months.
            var fields = e[5..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5)
            {
                return null;
            }

            var month = fields[3];
            if (month == "*")
            {
                return 31;
            }

            var slash = month.IndexOf('/', StringComparison.Ordinal);
            return slash > 0 && int.TryParse(month[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var every) ? 31 * every : null;
        }

        return null;
    }

    /// <summary>
    /// Session Manager preferences from a Session document's content: the content as an object
    /// (<paramref name="content"/>) or as JSON/YAML text (<paramref name="text"/>). Null inside a known
    /// value when the document is not a Standard_Stream session document.
    /// </summary>
    public static Value<SessionManagerPreferences?> SessionPreferences(IResourceView r, IResourceView? content, Value<string?> text, string textPath)
    {
        Func<string, Value<string?>> read;
        if (content is not null)
        {
            read = p => content.String(p);
        }
        else if (text.IsUnknown)
        {
            return Value.Unknown<SessionManagerPreferences?>(text.UnknownReason ?? "unknown", text.Source);
        }
        else
        {
            var root = ParseMapping(text.Get());
            if (root is null)
            {
                return Value.Unknown<SessionManagerPreferences?>("document content is not a JSON or YAML object", r.At(textPath));
            }

            var at = r.At(textPath);
            read = p => Lookup(root, p) is { } s ? Value.Of<string?>(s, at) : Value.Default<string?>(null, at);
        }

        var sessionType = read("sessionType");
        if (sessionType.IsUnknown)
        {
            return Value.Unknown<SessionManagerPreferences?>(sessionType.UnknownReason ?? "unknown", sessionType.Source);
        }

        if (sessionType.Get() != "Standard_Stream")
        {
            return Value.Default<SessionManagerPreferences?>(null, sessionType.Source);
        }

        return Value.Of<SessionManagerPreferences?>(new SessionManagerPreferences(
            Blank(read("inputs.s3BucketName")),
            Flag(read("inputs.s3EncryptionEnabled")),
            Blank(read("inputs.cloudWatchLogGroupName")),
            Flag(read("inputs.cloudWatchEncryptionEnabled")),
            Blank(read("inputs.kmsKeyId")),
            Minutes(read("inputs.idleSessionTimeout"))), r.Provenance);
    }

    private static Value<string?> Blank(Value<string?> v) =>
        v.IsKnown && string.IsNullOrEmpty(v.Get()) ? Value.Default<string?>(null, v.Source) : v;

    // Session Manager defaults both encryption flags to true when they are left out.
    private static Value<bool> Flag(Value<string?> v) =>
        v.IsUnknown ? Value.Unknown<bool>(v.UnknownReason ?? "unknown", v.Source)
        : v.Get() is { } s ? Value.Of(!string.Equals(s, "false", StringComparison.OrdinalIgnoreCase), v.Source)
        : Value.Default(true, v.Source);

    private static Value<int> Minutes(Value<string?> v) =>
        v.IsUnknown ? Value.Unknown<int>(v.UnknownReason ?? "unknown", v.Source)
        : v.Get() is { } s && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) ? Value.Of(m, v.Source)
        : v.Get() is null ? Value.Default(20, v.Source)
        : Value.Unknown<int>($"idle timeout '{v.Get()}' is not a number", v.Source);

    private static YamlMappingNode? ParseMapping(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }

    private static string? Lookup(YamlMappingNode root, string path)
    {
        YamlNode node = root;
        foreach (var step in path.Split('.'))
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(step), out var next))
            {
                return null;
            }

            node = next;
        }

        return (node as YamlScalarNode)?.Value;
    }
}
