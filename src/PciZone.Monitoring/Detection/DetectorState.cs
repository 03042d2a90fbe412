using System.Text;

namespace PciZone.Monitoring.Detection;

/// <summary>
/// The detector's state as compact, versioned binary: the de-duplication window (oldest id first),
/// threshold windows and silence clocks, each sorted by rule and key so that equal states give equal bytes.
/// Times are stored as UTC ticks.
/// </summary>
internal static class DetectorState
{
    private const int Magic = 0x444D5A50; // "PZMD"
    private const int Version = 1;

    // The state is written with every committed file, so only the newest ids of the de-duplication window
    // are kept (160 KB, not 16 MB for the default million): a duplicate older than that after a restart can
    // only add to a threshold count, never repeat an alert, because the store keeps one alert per key.
    internal const int PersistedDedupIds = 10_000;

    public static byte[] Save(CloudTrailDetector d)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(d.Newest.UtcTicks);
            var kept = Math.Min(d.Dedup.Count, PersistedDedupIds);
            w.Write(kept);
            Span<byte> guid = stackalloc byte[16];
            foreach (var id in d.Dedup.InOrder(d.Dedup.Count - kept))
            {
                id.TryWriteBytes(guid);
                w.Write(guid);
            }

            var windows = d.Thresholds.Windows.Where(kv => kv.Value.Count > 0).OrderBy(kv => kv.Key.Rule, StringComparer.Ordinal)
                .ThenBy(kv => kv.Key.Key, StringComparer.Ordinal).ToList();
            w.Write(windows.Count);
            foreach (var ((rule, key), times) in windows)
            {
                w.Write(rule);
                w.Write(key);
                w.Write(times.Count);
                foreach (var t in times)
                {
                    w.Write(t.UtcTicks);
                }
            }

            var clocks = d.Silences.Clocks.OrderBy(kv => kv.Key.Rule, StringComparer.Ordinal)
                .ThenBy(kv => kv.Key.Key, StringComparer.Ordinal).ToList();
            w.Write(clocks.Count);
            foreach (var ((rule, key), clock) in clocks)
            {
                w.Write(rule);
                w.Write(key);
                w.Write(clock.LastSeen.UtcTicks);
                w.Write(clock.AlertedFor == DateTimeOffset.MinValue ? -1L : clock.AlertedFor.UtcTicks);
                w.Write(clock.Account ?? "");
                w.Write(clock.Region ?? "");
            }
        }

        return buffer.ToArray();
    }

    public static (DedupWindow Dedup, ThresholdTracker Thresholds, SilenceTracker Silences, DateTimeOffset Newest) Load(
        ReadOnlySpan<byte> state, int dedupCapacity)
    {
        using var stream = new MemoryStream(state.ToArray(), writable: false);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (r.ReadInt32() != Magic || r.ReadInt32() is var version && version != Version)
            {
                throw new InvalidDataException("not a detector state of this version");
            }

            var newest = Time(r.ReadInt64());
            var dedup = new DedupWindow(dedupCapacity);
            var ids = r.ReadInt32();
            Span<byte> guid = stackalloc byte[16];
            for (var i = 0; i < ids; i++)
            {
                r.BaseStream.ReadExactly(guid);
                dedup.Add(new Guid(guid));
            }

            var thresholds = new ThresholdTracker();
            var windows = r.ReadInt32();
            for (var i = 0; i < windows; i++)
            {
                var key = (r.ReadString(), r.ReadString());
                var times = new List<DateTimeOffset>();
                var n = r.ReadInt32();
                for (var j = 0; j < n; j++)
                {
                    times.Add(Time(r.ReadInt64()));
                }

                thresholds.Windows[key] = times;
            }

            var silences = new SilenceTracker();
            var clocks = r.ReadInt32();
            for (var i = 0; i < clocks; i++)
            {
                var key = (r.ReadString(), r.ReadString());
                var clock = new SilenceClock { LastSeen = Time(r.ReadInt64()) };
                var alerted = r.ReadInt64();
                clock.AlertedFor = alerted < 0 ? DateTimeOffset.MinValue : Time(alerted);
                clock.Account = NullIfEmpty(r.ReadString());
                clock.Region = NullIfEmpty(r.ReadString());
                silences.Clocks[key] = clock;
            }

            return (dedup, thresholds, silences, newest);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("detector state is truncated", ex);
        }
    }

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
