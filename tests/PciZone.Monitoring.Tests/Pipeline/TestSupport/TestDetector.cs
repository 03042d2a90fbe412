using System.IO.Compression;
using System.Text;
using System.Text.Json;
using PciZone.Compliance;
using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Tests.Pipeline.TestSupport;

/// <summary>
/// A small stand-in for the real engine: reads the one-record-per-line files of <see cref="CloudTrailFiles"/>
/// record by record (so an I/O error mid-file leaves it half-way, like a streaming reader), de-duplicates
/// by eventID, raises one alert per record named <see cref="Trigger"/>, and a stateful alert on every third
/// trigger per principal, whose count lives in the saved state.
/// </summary>
internal sealed class TestDetector(string trigger = "StopLogging") : IEventDetector
{
    private HashSet<string> _seen = new(StringComparer.Ordinal);
    private Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public string Trigger { get; } = trigger;

    /// <summary>Each Advance raises one silence alert for this key's minute, when set.</summary>
    public string? SilenceAccount { get; set; }

    public int AdvanceCalls { get; private set; }

    public ObjectResult Process(Stream content, string objectKey, ICollection<Alert> alerts)
    {
        var head = new byte[2];
        var buffered = new BufferedStream(content);
        var peeked = buffered.Read(head, 0, 2);
        var whole = new ConcatStream(head.AsSpan(0, peeked).ToArray(), buffered);
        Stream text = peeked == 2 && head[0] == 0x1f && head[1] == 0x8b ? new GZipStream(whole, CompressionMode.Decompress) : whole;
        using var reader = new StreamReader(text, Encoding.UTF8);
        long records = 0, duplicates = 0;
        var problems = new List<InputProblem>();
        var kind = ObjectKind.NotCloudTrail;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("{\"Records\"", StringComparison.Ordinal))
            {
                kind = ObjectKind.CloudTrail;
                continue;
            }

            if (!line.StartsWith("{\"eventVersion\"", StringComparison.Ordinal))
            {
                continue;
            }

            using var record = JsonDocument.Parse(line.TrimEnd(','));
            var root = record.RootElement;
            var eventId = root.GetProperty("eventID").GetString()!;
            if (!_seen.Add(eventId))
            {
                duplicates++;
                continue;
            }

            records++;
            if (root.GetProperty("eventName").GetString() != Trigger)
            {
                continue;
            }

            var principal = root.GetProperty("userIdentity").GetProperty("arn").GetString()!;
            alerts.Add(MakeAlert($"TEST-001:{eventId}", "TEST-001", root, principal, objectKey));
            var count = _counts[principal] = _counts.GetValueOrDefault(principal) + 1;
            if (count % 3 == 0)
            {
                alerts.Add(MakeAlert($"TEST-002:{principal}:{count}", "TEST-002", root, principal, objectKey));
            }
        }

        return new ObjectResult(kind, records, duplicates, 0, problems);
    }

    public void Advance(DateTimeOffset now, ICollection<Alert> alerts)
    {
        AdvanceCalls++;
        if (SilenceAccount is { } account)
        {
            alerts.Add(new Alert(
                $"TEST-SIL:{account}:{now:yyyyMMddHHmm}", "TEST-SIL", "Silence", Severity.High, ["10.7.2"], now,
                null, null, null, account, "us-east-1", null, null, "(clock)", "No events"));
        }
    }

    public byte[] SaveState() => JsonSerializer.SerializeToUtf8Bytes(new SavedState([.. _seen.Order(StringComparer.Ordinal)], _counts));

    public void LoadState(ReadOnlySpan<byte> state)
    {
        var saved = JsonSerializer.Deserialize<SavedState>(state)!;
        _seen = new HashSet<string>(saved.Seen, StringComparer.Ordinal);
        _counts = new Dictionary<string, int>(saved.Counts, StringComparer.Ordinal);
    }

    private static Alert MakeAlert(string key, string ruleId, JsonElement root, string principal, string objectKey) => new(
        key, ruleId, ruleId == "TEST-001" ? "Logging stopped" : "Logging stopped three times", Severity.Critical,
        ["10.2.1.6"], DateTimeOffset.Parse(root.GetProperty("eventTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        root.GetProperty("eventID").GetString(), root.GetProperty("eventName").GetString(),
        root.GetProperty("eventSource").GetString(), root.GetProperty("recipientAccountId").GetString(),
        root.GetProperty("awsRegion").GetString(), principal, root.GetProperty("sourceIPAddress").GetString(),
        objectKey, "CloudTrail logging was stopped");

    internal sealed record SavedState(List<string> Seen, Dictionary<string, int> Counts);

    /// <summary>Puts peeked bytes back in front of the rest of a stream.</summary>
    private sealed class ConcatStream(byte[] head, Stream rest) : Stream
    {
        private int _offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset < head.Length)
            {
                var n = Math.Min(count, head.Length - _offset);
                Array.Copy(head, _offset, buffer, offset, n);
                _offset += n;
                return n;
            }

            return rest.Read(buffer, offset, count);
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
