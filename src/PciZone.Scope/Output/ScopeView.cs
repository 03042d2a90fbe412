using PciZone.Scope.Result;

namespace PciZone.Scope.Output;

/// <summary>
/// A <see cref="ScopeResult"/> in the one order every writer uses, so that the same estate gives the
/// same bytes whatever order the engine produced: systems by category then address, flows by
/// endpoints then traffic, violations by check then flow. Hops keep their order (it is the path).
/// </summary>
internal sealed class ScopeView
{
    /// <summary>The endpoint name of the internet in <see cref="Flow.From"/> and <see cref="Flow.To"/>.</summary>
    public const string Internet = "internet";

    /// <summary>The prefix of endpoints outside the estate (peer VPC, VPN, prefix).</summary>
    public const string ExternalPrefix = "external:";

    private readonly Dictionary<string, ScopeSystem> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<Flow, List<SegmentationViolation>> _violationsByFlow;

    public ScopeView(ScopeResult result)
    {
        Result = result;
        Systems = [.. result.Systems.OrderBy(s => s.Category).ThenBy(s => s.Address, StringComparer.Ordinal)];
        foreach (var s in Systems)
        {
            _byAddress.TryAdd(s.Address, s);
        }

        Flows = [.. result.Flows.OrderBy(f => f, FlowOrder.Instance)];
        Violations = [.. result.Violations
            .OrderBy(v => v.Check, StringComparer.Ordinal)
            .ThenBy(v => v.Flow, FlowOrder.Instance)
            .ThenBy(v => v.Message, StringComparer.Ordinal)];

        // Violations point at flows by reference or as a copy; both find their flow by its key.
        _violationsByFlow = new Dictionary<Flow, List<SegmentationViolation>>(FlowKey.Instance);
        foreach (var v in Violations)
        {
            if (!_violationsByFlow.TryGetValue(v.Flow, out var list))
            {
                _violationsByFlow[v.Flow] = list = [];
            }

            list.Add(v);
        }
    }

    public ScopeResult Result { get; }

    public IReadOnlyList<ScopeSystem> Systems { get; }

    public IReadOnlyList<Flow> Flows { get; }

    public IReadOnlyList<SegmentationViolation> Violations { get; }

    public ScopeSystem? System(string endpoint) => _byAddress.GetValueOrDefault(endpoint);

    /// <summary>The violations whose flow is this one (same endpoints, traffic and verdict).</summary>
    public IReadOnlyList<SegmentationViolation> ViolationsOf(Flow flow) =>
        _violationsByFlow.TryGetValue(flow, out var list) ? list : [];

    /// <summary>The category word of an endpoint: a system's category, <c>internet</c>, <c>external</c> or <c>unknown</c>.</summary>
    public string CategoryOf(string endpoint) =>
        System(endpoint) is { } s ? ScopeWording.Category(s.Category)
        : endpoint == Internet ? Internet
        : endpoint.StartsWith(ExternalPrefix, StringComparison.Ordinal) ? "external"
        : "unknown";

    public int Count(ScopeCategory category) => Systems.Count(s => s.Category == category);

    public int Count(FlowVerdict verdict) => Flows.Count(f => f.Verdict == verdict);

    /// <summary>Orders flows by from, to, traffic, verdict, then the path's first component.</summary>
    private sealed class FlowOrder : IComparer<Flow>
    {
        public static readonly FlowOrder Instance = new();

        public int Compare(Flow? x, Flow? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var c = string.CompareOrdinal(x.From, y.From);
            c = c != 0 ? c : string.CompareOrdinal(x.To, y.To);
            c = c != 0 ? c : string.CompareOrdinal(x.Traffic, y.Traffic);
            c = c != 0 ? c : x.Verdict.CompareTo(y.Verdict);
            c = c != 0 ? c : x.Declared.CompareTo(y.Declared);
            c = c != 0 ? c : x.Path.Count.CompareTo(y.Path.Count);
            for (var i = 0; c == 0 && i < x.Path.Count; i++)
            {
                c = string.CompareOrdinal(ScopeWording.Hop(x.Path[i]), ScopeWording.Hop(y.Path[i]));
            }

            return c;
        }
    }

    /// <summary>Flow identity for matching a violation to its flow; the records hold lists, so record equality is by reference.</summary>
    private sealed class FlowKey : IEqualityComparer<Flow>
    {
        public static readonly FlowKey Instance = new();

        public bool Equals(Flow? x, Flow? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.From == y.From && x.To == y.To
                                      && x.Traffic == y.Traffic && x.Verdict == y.Verdict);

        public int GetHashCode(Flow obj) => HashCode.Combine(obj.From, obj.To, obj.Traffic, obj.Verdict);
    }
}
