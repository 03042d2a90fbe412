using System.Globalization;
using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Pipeline;
using PciZone.Monitoring.Records;

namespace PciZone.Monitoring.Detection;

/// <summary>
/// Runs compiled rules over CloudTrail log objects: reads each record once into a flat value table, drops
/// records without the four required fields and eventIDs already seen, tries only the rules the
/// pre-filter allows, and feeds threshold and silence rules their trackers. Not thread-safe: one per consumer.
/// </summary>
internal sealed class CloudTrailDetector : IEventDetector, IRecordHandler
{
    /// <summary>Problems listed per object at most; the rest are counted in one closing problem.</summary>
    private const int MaxProblems = 100;

    private readonly CompiledRule[] _rules;
    private readonly RuleIndex _index;
    private readonly LogObjectReader _reader;
    private readonly Dictionary<string, CompiledRule> _byId;
    private readonly List<InputProblem> _problems = [];
    private ICollection<Alert> _alerts = [];
    private string _objectKey = "";
    private long _records;
    private long _duplicates;
    private long _skipped;
    private int _dropped;

    public CloudTrailDetector(IReadOnlyList<CompiledRule> rules, PathTable paths, int dedupCapacity)
    {
        _rules = [.. rules];
        _index = new RuleIndex(rules);
        _reader = new LogObjectReader(paths);
        _byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Dedup = new DedupWindow(dedupCapacity);
    }

    internal DedupWindow Dedup { get; private set; }

    internal ThresholdTracker Thresholds { get; private set; } = new();

    internal SilenceTracker Silences { get; private set; } = new();

    /// <summary>The newest eventTime seen: the reference for forgetting stale threshold windows.</summary>
    internal DateTimeOffset Newest { get; private set; } = DateTimeOffset.MinValue;

    internal IReadOnlyList<CompiledRule> Rules => _rules;

    public ObjectResult Process(Stream content, string objectKey, ICollection<Alert> alerts)
    {
        _alerts = alerts;
        _objectKey = objectKey;
        _records = _duplicates = _skipped = 0;
        _dropped = 0;
        _problems.Clear();
        var outcome = _reader.Read(content, objectKey, this, _problems);
        if (_dropped > 0)
        {
            _problems.Add(new InputProblem(objectKey, "object", string.Create(CultureInfo.InvariantCulture, $"{_dropped} more problems not listed")));
        }

        Thresholds.Prune(Newest, id => _byId.TryGetValue(id, out var r) ? r.Definition.Threshold?.Window : null);
        return new ObjectResult(outcome.Kind, _records, _duplicates, _skipped, [.. _problems]);
    }

    public void OnRecord(RecordView r, int index)
    {
        if (Missing(r) is { } missing)
        {
            _skipped++;
            Problem(index, $"record lacks {missing}; skipped");
            return;
        }

        if (!CloudTrailTime.TryParse(r.Bytes(r.First(PathTable.EventTime)), out var time))
        {
            _skipped++;
            Problem(index, "eventTime is not a timestamp; skipped");
            return;
        }

        if (!Dedup.Add(r.Bytes(r.First(PathTable.EventId))))
        {
            _duplicates++;
            return;
        }

        _records++;
        if (time > Newest)
        {
            Newest = time;
        }

        Evaluate(_index.ForName(r.Bytes(r.First(PathTable.EventName))), r, time);
        Evaluate(_index.ForSource(r.Bytes(r.First(PathTable.EventSource))), r, time);
        Evaluate(_index.Always, r, time);
    }

    public void Advance(DateTimeOffset now, ICollection<Alert> alerts)
    {
        foreach (var (id, clock) in Silences.Due(now, WindowOfSilence))
        {
            if (_byId.TryGetValue(id.Rule, out var rule))
            {
                alerts.Add(AlertFactory.Silence(rule, id.Key, clock, clock.LastSeen, rule.Definition.Silence!.Window, "(clock)"));
            }
        }
    }

    public byte[] SaveState() => DetectorState.Save(this);

    public void LoadState(ReadOnlySpan<byte> state)
    {
        var (dedup, thresholds, silences, newest) = DetectorState.Load(state, Dedup.Capacity);
        Dedup = dedup;
        Thresholds = thresholds;
        Silences = silences;
        Newest = newest;
    }

    private TimeSpan? WindowOfSilence(string id) => _byId.TryGetValue(id, out var r) ? r.Definition.Silence?.Window : null;

    private void Evaluate(CompiledRule[] rules, RecordView r, DateTimeOffset time)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(r))
            {
                Raise(rule, r, time);
            }
        }
    }

    private void Raise(CompiledRule rule, RecordView r, DateTimeOffset time)
    {
        var definition = rule.Definition;
        if (definition.Threshold is { } threshold)
        {
            var group = AlertFactory.GroupKey(rule, r);
            if (Thresholds.Add(rule.Id, group, time, threshold.Count, threshold.Window) is { } first)
            {
                var prefix = string.Create(CultureInfo.InvariantCulture, $"{threshold.Count} matches within {AlertFactory.Window(threshold.Window)}");
                _alerts.Add(AlertFactory.FromRecord(rule, r, $"{rule.Id}|{group}|{CloudTrailTime.Format(first)}", time, _objectKey, prefix));
            }
        }
        else if (definition.Silence is { } silence)
        {
            var group = AlertFactory.GroupKey(rule, r);
            var account = r.String(PathTable.AccountId);
            var region = r.String(PathTable.Region);
            if (Silences.Observe(rule.Id, group, time, silence.Window, account, region) is { } since)
            {
                var clock = new SilenceClock { LastSeen = since, Account = account, Region = region };
                _alerts.Add(AlertFactory.Silence(rule, group, clock, since, silence.Window, _objectKey));
            }
        }
        else
        {
            _alerts.Add(AlertFactory.FromRecord(rule, r, $"{rule.Id}|{r.String(PathTable.EventId)}", time, _objectKey, null));
        }
    }

    private static string? Missing(RecordView r)
    {
        foreach (var (id, name) in Required)
        {
            var e = r.First(id);
            if (e < 0 || r.Kind(e) != ValueKind.String || r.Bytes(e).IsEmpty)
            {
                return name;
            }
        }

        return null;
    }

    private static readonly (int Id, string Name)[] Required =
    [
        (PathTable.EventId, "eventID"), (PathTable.EventName, "eventName"),
        (PathTable.EventSource, "eventSource"), (PathTable.EventTime, "eventTime"),
    ];

    private void Problem(int index, string message)
    {
        if (_problems.Count >= MaxProblems)
        {
            _dropped++;
            return;
        }

        _problems.Add(new InputProblem(_objectKey, "record " + index.ToString(CultureInfo.InvariantCulture), message));
    }
}
