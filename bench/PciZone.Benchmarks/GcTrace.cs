using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace PciZone.Benchmarks;

/// <summary>
/// <c>--loop N RESOURCES gc</c>: prints each garbage collection of the runtime's own event source as it
/// ends (generation, reason, pause, bytes promoted), so a scan's GC cost can be pinned to the phase
/// that triggers it and to the survivors it copies.
/// </summary>
internal sealed class GcTrace(bool allocations = false) : EventListener
{
    private readonly Dictionary<string, long> _allocated = new(StringComparer.Ordinal);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _start;
    private int _depth;
    private string _reason = "";

    /// <summary>Prints the sampled allocation by type since the last call, largest first, and starts again.</summary>
    public void PrintAllocations(int top)
    {
        lock (_allocated)
        {
            foreach (var (type, bytes) in _allocated.OrderByDescending(p => p.Value).Take(top))
            {
                Console.WriteLine($"      ~{bytes >> 20,5} MB  {type}");
            }

            _allocated.Clear();
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // Verbose adds the allocation tick: one event per ~100 KB allocated, naming the type that crossed it.
            EnableEvents(eventSource, allocations ? EventLevel.Verbose : EventLevel.Informational, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        switch (e.EventName)
        {
            case "GCAllocationTick_V4":
                var type = e.Payload![5]?.ToString() ?? "?";
                var bytes = Convert.ToInt64(e.Payload[0], System.Globalization.CultureInfo.InvariantCulture);
                lock (_allocated)
                {
                    _allocated[type] = _allocated.GetValueOrDefault(type) + bytes;
                }

                return;
            case "GCStart_V2":
                _start = _clock.ElapsedTicks;
                _depth = Convert.ToInt32(e.Payload![1], System.Globalization.CultureInfo.InvariantCulture);
                _reason = e.Payload[2]?.ToString() ?? "";
                break;
            case "GCEnd_V1":
                var ms = (_clock.ElapsedTicks - _start) * 1000.0 / Stopwatch.Frequency;
                Console.WriteLine($"      gc gen{_depth} reason {_reason} {ms:N1} ms");
                break;
            case "GCHeapStats_V2":
                var promoted0 = Convert.ToUInt64(e.Payload![1], System.Globalization.CultureInfo.InvariantCulture);
                var promoted1 = Convert.ToUInt64(e.Payload[3], System.Globalization.CultureInfo.InvariantCulture);
                var gen2 = Convert.ToUInt64(e.Payload[4], System.Globalization.CultureInfo.InvariantCulture);
                Console.WriteLine($"         promoted gen0 {promoted0 >> 20} MB gen1 {promoted1 >> 20} MB; gen2 size {gen2 >> 20} MB");
                break;
        }
    }
}
