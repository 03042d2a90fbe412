using PciZone.Estate;
using PciZone.Scope.Algebra;
using PciZone.Scope.Model;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Reach;

/// <summary>Traffic between two systems (or a system and the internet), with a representative attachment pair.</summary>
internal sealed class PairFlow(int from, int to)
{
    private Admit? _admit;
    private BoxSet? _plane;

    public int From { get; } = from;

    public int To { get; } = to;

    /// <summary>The traffic; built from the plane on first use when the fast path decided the pair.</summary>
    public Admit Admit
    {
        get => _admit ??= _plane is null || A is null || B is null ? Admit.None : Admit.Exactly(Plane.Expand(_plane, A.Address, B.Address));
        private set => _admit = value;
    }

    public Attachment? A { get; set; }

    public Attachment? B { get; set; }

    /// <summary>Why it is blocked or unknown, when the evaluator said.</summary>
    public string? Why { get; set; }

    public bool IsBlocked => _admit is null && _plane is not null ? _plane.IsEmpty : Admit.IsEmpty;

    /// <summary>Adds what one attachment pair lets through; the first non-empty pair becomes the representative.</summary>
    public void Add(Admit admit, Attachment? a, Attachment? b, string? why)
    {
        if (A is null && B is null || (IsBlocked && !admit.IsEmpty))
        {
            (A, B, Why) = (a, b, why);
        }

        Admit = _admit is null && _plane is null ? admit : Admit.Or(admit);
    }

    /// <summary>Adds a fast-path result (known addresses, nothing unknown).</summary>
    public void AddPlane(BoxSet plane, Attachment a, Attachment b)
    {
        if (_admit is null && _plane is null)
        {
            (_plane, A, B) = (plane, a, b);
            return;
        }

        Add(Admit.Exactly(Plane.Expand(plane, a.Address, b.Address)), a, b, null);
    }
}

/// <summary>
/// All-pairs reachability at once: for every attachment that accepts traffic, the candidate sources
/// come from indexes over its security groups' rules (address blocks → subnets, group references →
/// members), never from a scan of every pair; each candidate pair is then evaluated exactly.
/// Results are kept per system pair.
/// </summary>
internal sealed class Reachability(Network network, SystemBuilder systems, PairEvaluator pairs, InternetPaths internet, bool[] isCde, bool keepAll)
{
    /// <summary>The system index used for the internet.</summary>
    public const int Internet = -1;

    private readonly Dictionary<long, PairFlow> _flows = [];

    public IEnumerable<PairFlow> Flows => _flows.Values;

    public PairFlow? Find(int from, int to) => _flows.GetValueOrDefault(Key(from, to));

    public Reachability Run()
    {
        // With no CDE and no request for every flow, no pair can cross the boundary: only the internet is asked.
        if (keepAll || Array.IndexOf(isCde, true) >= 0)
        {
            Pairs();
        }

        foreach (var b in systems.Attachments)
        {
            if (b.System.AcceptsInbound)
            {
                var (inbound, _, why) = internet.Inbound(b);
                Record(Internet, b.System.Index, inbound, null, b, why);
            }
        }

        foreach (var a in systems.Attachments)
        {
            if (!a.System.Initiates)
            {
                continue;
            }

            var (outbound, _, why) = internet.Outbound(a, systems.NatSubnets);
            Record(a.System.Index, Internet, outbound, a, null, why);
        }

        return this;
    }

    private void Pairs()
    {
        var index = new CandidateIndex(network, systems);
        var stamp = new int[systems.Attachments.Count];
        var round = 0;
        foreach (var b in systems.Attachments)
        {
            if (!b.System.AcceptsInbound)
            {
                continue;
            }

            round++;
            foreach (var a in index.Candidates(b, pairs.Ingress(b)))
            {
                if (stamp[a.Index] == round || ReferenceEquals(a.System, b.System) || !a.System.Initiates)
                {
                    continue;
                }

                stamp[a.Index] = round;
                var crossesBoundary = isCde[b.System.Index] != isCde[a.System.Index];
                if (pairs.EvaluatePlane(a, b) is { } plane)
                {
                    // Every pair is evaluated; pairs on one side of the CDE boundary decide nothing about
                    // scope, so they are kept only when every flow is asked for.
                    if ((!plane.IsEmpty && (keepAll || crossesBoundary)) || crossesBoundary)
                    {
                        Flow(a.System.Index, b.System.Index).AddPlane(plane, a, b);
                    }

                    continue;
                }

                var admit = pairs.Evaluate(a, b);
                if ((!admit.IsEmpty && (keepAll || crossesBoundary)) || crossesBoundary)
                {
                    Record(a.System.Index, b.System.Index, admit, a, b, null);
                }
            }
        }
    }

    private void Record(int from, int to, Admit admit, Attachment? a, Attachment? b, string? why) =>
        Flow(from, to).Add(admit, a, b, why);

    private PairFlow Flow(int from, int to)
    {
        var key = Key(from, to);
        if (!_flows.TryGetValue(key, out var flow))
        {
            flow = new PairFlow(from, to);
            _flows[key] = flow;
        }

        return flow;
    }

    // Row-major, not (from << 32 | to): Int64's hash folds the two halves with xor, which collides
    // for every pair with the same from ^ to and made the all-pairs dictionary quadratic.
    private long Key(int from, int to) => ((long)(from + 1) * (systems.Systems.Count + 2)) + to + 1;
}

/// <summary>Indexes for the candidate sources of an attachment: subnets by address, attachments by group.</summary>
internal sealed class CandidateIndex
{
    private readonly SubnetNode[] _byLo;
    private readonly ulong _maxSize;
    private readonly List<SubnetNode> _unknownCidr = [];
    private readonly Dictionary<SecurityGroup, List<Attachment>> _members = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SubnetNode, List<Attachment>> _inSubnet = new(ReferenceEqualityComparer.Instance);
    private readonly List<Attachment> _unknownGroups = [];
    private readonly IReadOnlyList<Attachment> _all;
    private readonly Network _network;

    public CandidateIndex(Network network, SystemBuilder systems)
    {
        _network = network;
        _all = systems.Attachments;
        foreach (var a in systems.Attachments)
        {
            foreach (var g in a.Groups)
            {
                Add(_members, g, a);
            }

            Add(_inSubnet, a.Subnet, a);
            if (a.GroupsUnknown)
            {
                _unknownGroups.Add(a);
            }
        }

        _byLo = network.Subnets.Where(s => s.Cidr is not null).OrderBy(s => s.Cidr!.Value.Lo).ToArray();
        _maxSize = _byLo.Length == 0 ? 0 : _byLo.Max(s => s.Cidr!.Value.Size);
        _unknownCidr.AddRange(network.Subnets.Where(s => s.Cidr is null));
    }

    public IEnumerable<Attachment> Candidates(Attachment b, GroupRules ingress)
    {
        if (!b.Filtered || b.GroupsUnknown || !ingress.CidrPart.Definite.SetEquals(ingress.CidrPart.Possible) || ingress.UnknownRefs)
        {
            return _all;
        }

        var result = new List<Attachment>();
        foreach (var g in b.Groups)
        {
            foreach (var rule in g.Ingress)
            {
                foreach (var r in GroupRules.RemoteRanges(rule, _network, out _))
                {
                    foreach (var s in Overlapping(r))
                    {
                        if (_inSubnet.TryGetValue(s, out var list))
                        {
                            result.AddRange(list);
                        }
                    }
                }
            }
        }

        foreach (var (group, _, _) in ingress.Refs)
        {
            if (_members.TryGetValue(group, out var list))
            {
                result.AddRange(list);
            }
        }

        if (ingress.Refs.Count > 0)
        {
            result.AddRange(_unknownGroups);
        }

        foreach (var s in _unknownCidr)
        {
            if (_inSubnet.TryGetValue(s, out var list))
            {
                result.AddRange(list);
            }
        }

        return result;
    }

    private IEnumerable<SubnetNode> Overlapping(Range r)
    {
        var lowest = r.Lo > _maxSize ? r.Lo - (uint)Math.Min(_maxSize, uint.MaxValue) : 0u;
        int lo = 0, hi = _byLo.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_byLo[mid].Cidr!.Value.Lo < lowest)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < _byLo.Length && _byLo[i].Cidr!.Value.Lo <= r.Hi; i++)
        {
            if (_byLo[i].Cidr!.Value.Overlaps(r))
            {
                yield return _byLo[i];
            }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<Attachment>> map, TKey key, Attachment a)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(a);
    }
}
