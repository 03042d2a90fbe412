using CsCheck;
using PciZone.Scope.Algebra;

namespace PciZone.Scope.Tests.Algebra;

/// <summary>Every operation against the bool-per-point oracle on small spaces, over sets built by random operations.</summary>
public sealed class BoxSetPropertyTests
{
    private const int Iterations = 400;

    [Fact]
    public void Build_RandomOperationSequences_MatchOracle() =>
        SetOracle.TwoSets.Sample(t =>
        {
            var space = new Space(t.Max);
            var (set, model) = SetOracle.Build(space, t.A);
            SetOracle.ShouldMatch(set, model, "built");
        }, iter: Iterations);

    [Fact]
    public void Union_TwoRandomSets_MatchesOracle() =>
        Binary((a, b) => a.Union(b), (x, y) => x | y);

    [Fact]
    public void Intersect_TwoRandomSets_MatchesOracle() =>
        Binary((a, b) => a.Intersect(b), (x, y) => x & y);

    [Fact]
    public void Except_TwoRandomSets_MatchesOracle() =>
        Binary((a, b) => a.Except(b), (x, y) => x & !y);

    [Fact]
    public void Except_Reversed_MatchesOracle() =>
        Binary((a, b) => b.Except(a), (x, y) => y & !x);

    [Fact]
    public void Complement_RandomSet_MatchesOracle() =>
        Binary((a, _) => a.Complement(), (x, _) => !x);

    [Fact]
    public void Queries_TwoRandomSets_MatchOracle() =>
        SetOracle.TwoSets.Sample(t =>
        {
            var space = new Space(t.Max);
            var (a, ma) = SetOracle.Build(space, t.A);
            var (b, mb) = SetOracle.Build(space, t.B);
            var subset = ma.Zip(mb).All(p => !p.First || p.Second);
            var equal = ma.AsSpan().SequenceEqual(mb);
            var overlap = ma.Zip(mb).Any(p => p.First && p.Second);
            a.IsSubsetOf(b).ShouldBe(subset, $"{a} ⊆ {b}");
            b.IsSubsetOf(a).ShouldBe(mb.Zip(ma).All(p => !p.First || p.Second), $"{b} ⊆ {a}");
            a.SetEquals(b).ShouldBe(equal, $"{a} = {b}");
            a.Overlaps(b).ShouldBe(overlap, $"{a} overlaps {b}");
            a.Cardinality.ShouldBe((UInt128)ma.Count(x => x));
        }, iter: Iterations);

    [Fact]
    public void SetEquals_SameSetBuiltTwoWays_IsTrue() =>
        SetOracle.TwoSets.Sample(t =>
        {
            var space = new Space(t.Max);
            var (a, _) = SetOracle.Build(space, t.A);
            var (b, _) = SetOracle.Build(space, t.B);
            var rebuilt = a.Except(b).Union(a.Intersect(b));
            rebuilt.SetEquals(a).ShouldBeTrue($"{rebuilt} = {a}");
            a.SetEquals(rebuilt).ShouldBeTrue();
            a.Union(b).SetEquals(b.Union(a)).ShouldBeTrue();
            a.Intersect(b).IsSubsetOf(a).ShouldBeTrue();
            a.IsSubsetOf(a.Union(b)).ShouldBeTrue();
        }, iter: Iterations);

    [Fact]
    public void Contains_EveryPoint_MatchesOracle() =>
        SetOracle.TwoSets.Sample(t =>
        {
            var space = new Space(t.Max);
            var (a, ma) = SetOracle.Build(space, t.A);
            for (var i = 0; i < ma.Length; i++)
            {
                var point = SetOracle.Point(space, i);
                if (a.Contains(point) != ma[i])
                {
                    throw new ShouldAssertException($"Contains({string.Join(",", point)}) should be {ma[i]} for {a}");
                }
            }
        }, iter: 200);

    private static void Binary(Func<BoxSet, BoxSet, BoxSet> op, Func<bool, bool, bool> oracle) =>
        SetOracle.TwoSets.Sample(t =>
        {
            var space = new Space(t.Max);
            var (a, ma) = SetOracle.Build(space, t.A);
            var (b, mb) = SetOracle.Build(space, t.B);
            var expected = new bool[ma.Length];
            for (var i = 0; i < ma.Length; i++)
            {
                expected[i] = oracle(ma[i], mb[i]);
            }

            var result = op(a, b);
            SetOracle.ShouldMatch(result, expected, $"A={a} B={b}");

            // The operands are immutable.
            SetOracle.ShouldMatch(a, ma, "A after the operation");
            SetOracle.ShouldMatch(b, mb, "B after the operation");
        }, iter: Iterations);
}
