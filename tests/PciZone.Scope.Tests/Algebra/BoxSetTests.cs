using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Tests.Algebra;

/// <summary>Construction, argument checks, the views and the short cuts that return an operand unchanged.</summary>
public sealed class BoxSetTests
{
    private static readonly Space S = new(9, 9);

    [Fact]
    public void Range_LoAboveHi_Throws() => Should.Throw<ArgumentOutOfRangeException>(() => new Range(5, 4));

    [Fact]
    public void Range_Members_Work()
    {
        Range.All(255).ShouldBe(new Range(0, 255));
        Range.Single(7).Size.ShouldBe(1UL);
        Range.All(uint.MaxValue).Size.ShouldBe(1UL << 32);
        new Range(3, 5).ToString().ShouldBe("3-5");
        Range.Single(7).ToString().ShouldBe("7");
    }

    [Fact]
    public void Space_TooManyPoints_Throws() =>
        Should.Throw<ArgumentException>(() => new Space(uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue));

    [Fact]
    public void Space_NoDimensions_Throws() => Should.Throw<ArgumentException>(() => new Space());

    [Fact]
    public void Space_TrafficSize_Is2To88() => Traffic.Space.Size.ShouldBe(UInt128.One << 88);

    [Fact]
    public void Box_WrongArityOrOutOfSpace_Throws()
    {
        Should.Throw<ArgumentException>(() => BoxSet.Box(S, Range.All(9)));
        Should.Throw<ArgumentException>(() => BoxSet.Box(S, Range.All(9), Range.All(10)));
    }

    [Fact]
    public void Box_WholeSpace_IsTheFullSet()
    {
        var full = BoxSet.Box(S, Range.All(9), Range.All(9));
        full.ShouldBeSameAs(BoxSet.Full(S));
        full.IsFull.ShouldBeTrue();
        full.Cardinality.ShouldBe((UInt128)100);
    }

    [Fact]
    public void Operations_DifferentSpaces_Throw()
    {
        var other = BoxSet.Full(new Space(9, 8));
        Should.Throw<ArgumentException>(() => BoxSet.Full(S).Union(other));
        Should.Throw<ArgumentException>(() => BoxSet.Full(S).Intersect(other));
        Should.Throw<ArgumentException>(() => BoxSet.Full(S).IsSubsetOf(other));
    }

    [Fact]
    public void Operations_EqualButDistinctSpaces_Combine() =>
        BoxSet.Full(S).Intersect(BoxSet.Box(new Space(9, 9), Range.Single(1), Range.Single(2))).Cardinality.ShouldBe((UInt128)1);

    [Fact]
    public void Contains_WrongArity_Throws() => Should.Throw<ArgumentException>(() => BoxSet.Full(S).Contains(1, 2, 3));

    [Fact]
    public void Boxes_View_ExposesTheRanges()
    {
        var set = Box(0, 4, 0, 9).Union(Box(5, 9, 0, 4));
        set.Count.ShouldBe(2);
        set.Boxes.Count.ShouldBe(2);
        var texts = set.Boxes.Select(b => b.ToString()).Order().ToList();
        texts.ShouldBe(["[0-4 x 0-9]", "[5-9 x 0-4]"]);
        set.Boxes[0].Count.ShouldBe(2);
        Should.Throw<ArgumentOutOfRangeException>(() => set.Boxes[2]);
    }

    [Fact]
    public void Union_WithSubset_ReturnsTheSupersetUnchanged()
    {
        var big = Box(0, 5, 0, 5);
        var small = Box(1, 2, 1, 2);
        big.Union(small).ShouldBeSameAs(big);
        small.Union(big).ShouldBeSameAs(big);
    }

    [Fact]
    public void Intersect_WithSuperset_ReturnsTheSubsetUnchanged()
    {
        var big = Box(0, 5, 0, 5);
        var small = Box(1, 2, 1, 2).Union(Box(4, 4, 4, 4));
        big.Intersect(small).ShouldBeSameAs(small);
        small.Intersect(big).ShouldBeSameAs(small);
        small.Intersect(BoxSet.Full(S)).ShouldBeSameAs(small);
    }

    [Fact]
    public void Except_Disjoint_ReturnsTheSetUnchanged()
    {
        var a = Box(0, 1, 0, 1).Union(Box(5, 6, 5, 6));
        a.Except(Box(8, 9, 0, 9)).ShouldBeSameAs(a);
        a.Except(a).IsEmpty.ShouldBeTrue();
        a.Except(BoxSet.Full(S)).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Empty_AndFull_ShortCut()
    {
        var a = Box(2, 3, 2, 3);
        var empty = BoxSet.Empty(S);
        var full = BoxSet.Full(S);
        a.Union(empty).ShouldBeSameAs(a);
        empty.Union(a).ShouldBeSameAs(a);
        a.Union(full).ShouldBeSameAs(full);
        a.Intersect(empty).ShouldBeSameAs(empty);
        a.Intersect(full).ShouldBeSameAs(a);
        full.Intersect(a).ShouldBeSameAs(a);
        a.Except(empty).ShouldBeSameAs(a);
        empty.IsSubsetOf(a).ShouldBeTrue();
        a.IsSubsetOf(empty).ShouldBeFalse();
        a.Overlaps(empty).ShouldBeFalse();
        full.Complement().ShouldBeSameAs(empty);
        empty.Complement().ShouldBeSameAs(full);
    }

    [Fact]
    public void IsSubsetOf_BoxCoveredByTwoBoxes_IsTrue()
    {
        var cover = Box(0, 4, 0, 9).Union(Box(5, 9, 0, 4));
        Box(3, 6, 1, 3).IsSubsetOf(cover).ShouldBeTrue();
        Box(3, 6, 1, 5).IsSubsetOf(cover).ShouldBeFalse();
    }

    [Fact]
    public void Project_Dimension_MergesAdjacentRanges()
    {
        var set = Box(0, 2, 0, 0).Union(Box(3, 4, 5, 5)).Union(Box(7, 7, 9, 9));
        set.Project(0).ShouldBe([new Range(0, 4), new Range(7, 7)]);
        set.Project(1).ShouldBe([new Range(0, 0), new Range(5, 5), new Range(9, 9)]);
    }

    [Fact]
    public void Cardinality_TrafficSpaceFull_Is2To88() => BoxSet.Full(Traffic.Space).Cardinality.ShouldBe(UInt128.One << 88);

    private static BoxSet Box(uint x0, uint x1, uint y0, uint y1) => BoxSet.Box(S, new Range(x0, x1), new Range(y0, y1));
}
