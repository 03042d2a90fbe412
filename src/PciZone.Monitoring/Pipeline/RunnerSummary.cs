namespace PciZone.Monitoring.Pipeline;

/// <summary>What one run of <see cref="MonitorRunner"/> did, for the command line to print.</summary>
/// <param name="Objects">Objects processed and committed in this run.</param>
/// <param name="ObjectsAlreadyDone">Objects skipped because an earlier run (or another consumer) did them.</param>
/// <param name="ObjectsByKind">Processed objects by what they turned out to be.</param>
/// <param name="Records">Records evaluated.</param>
/// <param name="Duplicates">Records skipped as duplicates by <c>eventID</c>.</param>
/// <param name="Skipped">Records skipped for missing fields.</param>
/// <param name="ProblemCount">Input problems found.</param>
/// <param name="Problems">The first problems, each naming object and position.</param>
/// <param name="FailedObjects">Objects that could not be read (their delivery was failed; a later run retries).</param>
/// <param name="AlertsRaised">Alerts the detector raised, including ones the store already had.</param>
/// <param name="AlertsNew">Alerts stored for the first time.</param>
/// <param name="AlertsPublished">Alerts handed to each sink, by sink name, including pending ones from earlier runs.</param>
/// <param name="SinkFailures">Publish failures; those alerts stay pending for the sink.</param>
/// <param name="Cancelled">The run ended by cancellation (the normal end of follow mode).</param>
public sealed record MonitorRunSummary(
    int Objects,
    int ObjectsAlreadyDone,
    IReadOnlyDictionary<ObjectKind, int> ObjectsByKind,
    long Records,
    long Duplicates,
    long Skipped,
    int ProblemCount,
    IReadOnlyList<InputProblem> Problems,
    IReadOnlyList<ObjectFailure> FailedObjects,
    int AlertsRaised,
    int AlertsNew,
    IReadOnlyDictionary<string, int> AlertsPublished,
    IReadOnlyList<SinkFailure> SinkFailures,
    bool Cancelled);

/// <summary>An object that could not be processed.</summary>
/// <param name="ObjectKey">The object.</param>
/// <param name="Reason">Why.</param>
public sealed record ObjectFailure(string ObjectKey, string Reason);

/// <summary>A sink that could not take a batch.</summary>
/// <param name="Sink">The sink's name.</param>
/// <param name="Reason">Why.</param>
public sealed record SinkFailure(string Sink, string Reason);

/// <summary>Mutable counters behind <see cref="MonitorRunSummary"/>; used under the runner's gate.</summary>
internal sealed class RunnerTally(int maxProblems)
{
    private readonly Dictionary<ObjectKind, int> _byKind = [];
    private readonly List<InputProblem> _problems = [];
    private readonly List<ObjectFailure> _failed = [];
    private readonly Dictionary<string, int> _published = new(StringComparer.Ordinal);
    private readonly List<SinkFailure> _sinkFailures = [];
    private int _objects, _alreadyDone, _problemCount, _raised, _new;
    private long _records, _duplicates, _skipped;

    public bool Cancelled { get; set; }

    public void AlreadyDone() => _alreadyDone++;

    public void Processed(ObjectResult result, int raised, int fresh)
    {
        _objects++;
        _byKind[result.Kind] = _byKind.GetValueOrDefault(result.Kind) + 1;
        _records += result.Records;
        _duplicates += result.Duplicates;
        _skipped += result.Skipped;
        _problemCount += result.Problems.Count;
        _problems.AddRange(result.Problems.Take(Math.Max(0, maxProblems - _problems.Count)));
        Raised(raised, fresh);
    }

    public void Raised(int raised, int fresh)
    {
        _raised += raised;
        _new += fresh;
    }

    public void Failed(string key, string reason) => _failed.Add(new ObjectFailure(key, reason));

    public void Published(string sink, int count) => _published[sink] = _published.GetValueOrDefault(sink) + count;

    public void SinkFailed(string sink, string reason) => _sinkFailures.Add(new SinkFailure(sink, reason));

    public MonitorRunSummary ToSummary() => new(
        _objects, _alreadyDone, new Dictionary<ObjectKind, int>(_byKind), _records, _duplicates, _skipped,
        _problemCount, [.. _problems], [.. _failed], _raised, _new,
        new Dictionary<string, int>(_published, StringComparer.Ordinal), [.. _sinkFailures], Cancelled);
}
