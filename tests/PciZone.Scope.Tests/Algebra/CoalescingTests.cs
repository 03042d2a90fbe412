using CsCheck;
using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Tests.Algebra;

/// <summary>Unions of adjacent blocks stay compact, and both coalescing strategies reach a fixed point.</summary>
public sealed class CoalescingTests
{
    private static readonly Range Https = Range.Single(443);
    private static readonly Range TcpProtocol = Range.Single(Traffic.Tcp);

    [Fact]
    public void Union_AllSlash24sOfASlash16InShuffledOrder_IsOneBox()
    {
        var set = BoxSet.Empty(Traffic.Space);
        foreach (var i in Shuffled(256, seed: 1))
        {
            set = set.Union(Traffic.Of(Cidr.Parse($"10.0.{i}.0/24"), Traffic.AnyAddress, TcpProtocol, Https));
        }

        set.Count.ShouldBe(1);
        set.SetEquals(Traffic.Of(Cidr.Parse("10.0.0.0/16"), Traffic.AnyAddress, TcpProtocol, Https)).ShouldBeTrue();
    }

    [Fact]
    public void Union_1024HostsInShuffledOrder_IsOneBox()
    {
        var set = BoxSet.Empty(Traffic.Space);
        foreach (var i in Shuffled(1024, seed: 2))
        {
            set = set.Union(Traffic.Of(Traffic.AnyAddress, Range.Single(0x0A000000u + (uint)i), TcpProtocol, Https));
        }

        set.Count.ShouldBe(1);
        Traffic.DescribeAddresses(set, Traffic.DestinationDimension).ShouldBe("10.0.0.0/22");
    }

    [Fact]
    public void Union_GridOfSourceAndDestinationBlocks_IsOneBox()
    {
        var set = BoxSet.Empty(Traffic.Space);
        foreach (var i in Shuffled(16, seed: 3))
        {
            foreach (var j in Shuffled(16, seed: 4 + i))
            {
                set = set.Union(Traffic.Flow(Cidr.Parse($"10.1.{i}.0/24"), Cidr.Parse($"10.2.{j}.0/24"), "tcp", 443, 443));
            }
        }

        set.Count.ShouldBe(1);
        set.Cardinality.ShouldBe((UInt128)4096 * 4096);
    }

    [Fact]
    public void Union_SinglePortsOfARange_IsOneBox()
    {
        var set = BoxSet.Empty(Traffic.Space);
        foreach (var port in Shuffled(1024, seed: 5))
        {
            set = set.Union(Traffic.Flow(Traffic.AnyAddress, Traffic.AnyAddress, "udp", port, port));
        }

        set.Count.ShouldBe(1);
        Traffic.Describe(set).ShouldBe("udp/0-1023");
    }

    [Fact]
    public void Union_SmallBlocksThenTheirSupernet_IsOneBox()
    {
        var set = BoxSet.Empty(Traffic.Space);
        for (var i = 0; i < 50; i += 2)
        {
            set = set.Union(Traffic.Flow(Cidr.Parse($"10.0.{i}.0/24"), Traffic.AnyAddress, "-1", 0, 0));
        }

        set.Count.ShouldBe(25); // not adjacent: nothing to merge
        set = set.Union(Traffic.Flow(Cidr.Parse("10.0.0.0/8"), Traffic.AnyAddress, "-1", 0, 0));
        set.Count.ShouldBe(1);
    }

    [Fact]
    public void Union_HoleFilledAgain_IsFullSingleton()
    {
        var hole = Traffic.Flow(Cidr.Parse("10.0.0.0/8"), Cidr.Parse("192.168.0.0/16"), "tcp", 22, 22);
        var punched = BoxSet.Full(Traffic.Space).Except(hole);
        punched.Count.ShouldBeGreaterThan(1);
        var refilled = punched.Union(hole);
        refilled.Count.ShouldBe(1);
        refilled.ShouldBeSameAs(BoxSet.Full(Traffic.Space));
    }

    [Fact]
    public void Coalesce_UnitCellsOfRandomSets_BothStrategiesReachTheSameCoalescedSet() =>
        SetOracle.TwoSets.Where(t => t.Max.Aggregate(1u, (n, m) => n * (m + 1)) <= 300).Sample(t =>
        {
            var space = new Space(t.Max);
            var (set, model) = SetOracle.Build(space, t.A);
            foreach (var incremental in new[] { true, false })
            {
                var (data, count) = UnitCells(space, model);
                var stride = 2 * space.Dimensions;
                var n = incremental ? Coalescer.Incremental(data, count, 0, stride) : Coalescer.BySort(data, count, stride);
                var coalesced = new BoxSet(space, data[..(n * stride)], n);
                SetOracle.ShouldMatch(coalesced, model, incremental ? "incremental" : "by sort");
                coalesced.SetEquals(set).ShouldBeTrue();
            }
        }, iter: 200);

    [Fact]
    public void Union_TwoCheckerboards_IsTheFullSet()
    {
        // 512 unit boxes per colour that pair up only across the two sets: the union takes the sort-based path.
        var space = new Space(31, 31);
        var black = BoxSet.Empty(space);
        var white = BoxSet.Empty(space);
        for (uint x = 0; x < 32; x++)
        {
            for (uint y = 0; y < 32; y++)
            {
                var cell = BoxSet.Box(space, Range.Single(x), Range.Single(y));
                if ((x + y) % 2 == 0)
                {
                    black = black.Union(cell);
                }
                else
                {
                    white = white.Union(cell);
                }
            }
        }

        black.Count.ShouldBe(512);
        black.Union(white).ShouldBeSameAs(BoxSet.Full(space));
        white.Union(black).ShouldBeSameAs(BoxSet.Full(space));
        black.Intersect(white).IsEmpty.ShouldBeTrue();
        BoxSet.Full(space).Except(black).SetEquals(white).ShouldBeTrue();
    }

    [Fact]
    public void Coalesce_CleanPrefix_IsNotRescannedButNewBoxesMergeIntoIt()
    {
        // Two clean boxes [0-1] and [4-5] in one dimension, then a dirty [2-3] that bridges them.
        uint[] data = [0, 1, 4, 5, 2, 3];
        var n = Coalescer.Incremental(data, 3, 2, 2);
        n.ShouldBe(1);
        data[..2].ShouldBe([0u, 5u]);
    }

    private static (uint[] Data, int Count) UnitCells(Space space, bool[] model)
    {
        var stride = 2 * space.Dimensions;
        var cells = new List<uint>();
        for (var i = 0; i < model.Length; i++)
        {
            if (model[i])
            {
                foreach (var v in SetOracle.Point(space, i))
                {
                    cells.Add(v);
                    cells.Add(v);
                }
            }
        }

        return ([.. cells], cells.Count / stride);
    }

    private static int[] Shuffled(int count, int seed)
    {
        var values = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(values);
        return values;
    }
}
