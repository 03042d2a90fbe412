using System.Net;
using System.Text.Json;

namespace PciZone.Monitoring.Aws.Sqs;

/// <summary>One object an S3 event notification names (key already URL-decoded).</summary>
internal readonly record struct S3ObjectRef(string Bucket, string Key)
{
    public string LogKey => Bucket + "/" + Key;
}

/// <summary>A notification record that is not read, and why.</summary>
internal readonly record struct SkippedRecord(string Key, int Index, string Reason);

/// <summary>What one SQS message body turned out to be.</summary>
internal sealed record S3Notification(
    bool IsTestEvent, IReadOnlyList<S3ObjectRef> Objects, IReadOnlyList<SkippedRecord> Skipped, string? PoisonReason)
{
    private static readonly S3Notification TestEvent = new(true, [], [], null);

    public static S3Notification Poison(string reason) => new(false, [], [], reason);

    /// <summary>
    /// Parses an S3 event notification delivered straight to SQS or wrapped in an SNS envelope
    /// (<c>{"Type":"Notification","Message":"{...}"}</c>). Never throws on bad input.
    /// </summary>
    public static S3Notification Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Poison("empty body");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && Text(root, "Type") == "Notification"
                && root.TryGetProperty("Message", out var inner))
            {
                if (inner.ValueKind != JsonValueKind.String)
                {
                    return Poison("SNS envelope whose Message is not a string");
                }

                using var innerDocument = JsonDocument.Parse(inner.GetString()!);
                return FromNotification(innerDocument.RootElement);
            }

            return FromNotification(root);
        }
        catch (JsonException ex)
        {
            return Poison("not JSON (" + ex.Message + ")");
        }
    }

    private static S3Notification FromNotification(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Poison("JSON " + root.ValueKind + " instead of an object");
        }

        if (Text(root, "Event") == "s3:TestEvent")
        {
            return TestEvent;
        }

        if (!root.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            return Poison("no Records array: not an S3 event notification");
        }

        var objects = new List<S3ObjectRef>();
        var skipped = new List<SkippedRecord>();
        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            var reason = Read(record, out var reference);
            if (reason is null)
            {
                objects.Add(reference);
            }
            else if (reference.Bucket is null)
            {
                return Poison("record " + index + ": " + reason);
            }
            else
            {
                skipped.Add(new SkippedRecord(reference.LogKey, index, reason));
            }

            index++;
        }

        return new S3Notification(false, objects, skipped, null);
    }

    // Returns null for a readable CloudTrail object; a reason otherwise. A record without bucket and key
    // leaves reference default (the whole message is poison); one with them is merely skipped.
    private static string? Read(JsonElement record, out S3ObjectRef reference)
    {
        reference = default;
        if (record.ValueKind != JsonValueKind.Object
            || !record.TryGetProperty("s3", out var s3) || s3.ValueKind != JsonValueKind.Object
            || !s3.TryGetProperty("bucket", out var bucket) || Text(bucket, "name") is not { Length: > 0 } bucketName
            || !s3.TryGetProperty("object", out var obj) || Text(obj, "key") is not { Length: > 0 } rawKey)
        {
            return "record without s3.bucket.name and s3.object.key";
        }

        // S3 URL-encodes keys in notifications, with '+' for a space (form encoding).
        reference = new S3ObjectRef(bucketName, WebUtility.UrlDecode(rawKey));
        var eventName = Text(record, "eventName") ?? string.Empty;
        if (!eventName.StartsWith("ObjectCreated:", StringComparison.Ordinal))
        {
            return "event " + (eventName.Length == 0 ? "(none)" : eventName) + " is not ObjectCreated";
        }

        return CloudTrailKeys.SkipReason(reference.Key);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
