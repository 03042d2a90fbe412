using CsCheck;
using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Tests.Algebra;

/// <summary>
/// The brute-force model the box algebra is checked against: a small space as one bool per point, and random
/// sets built by the same sequence of operations on both sides.
/// </summary>
internal static class SetOracle
{
    /// <summary>2 to 4 dimensions with maxima 3 to 9: at most 10,000 points.</summary>
    public static readonly Gen<uint[]> Maxima = Gen.Int[2, 4].SelectMany(n => Gen.UInt[3, 9].Array[n]);

    /// <summary>A step: 0-2 union a box, 3 except a box, 4 intersect a box, 5 complement, 6 union a point.</summary>
    public static Gen<Step[]> Steps(int dimensions) =>
        Gen.Select(Gen.Int[0, 6], Gen.UInt[0, 9].Array[2 * dimensions], (op, v) => new Step(op, v)).Array[0, 12];

    /// <summary>A space with two step sequences that build two sets in it.</summary>
    public static readonly Gen<(uint[] Max, Step[] A, Step[] B)> TwoSets =
        Maxima.SelectMany(max => Gen.Select(Steps(max.Length), Steps(max.Length), (a, b) => (max, a, b)));

    public static (BoxSet Set, bool[] Model) Build(Space space, Step[] steps)
    {
        var set = BoxSet.Empty(space);
        var model = new bool[Size(space)];
        foreach (var step in steps)
        {
            var box = step.Box(space);
            var boxModel = Model(space, box);
            switch (step.Op)
            {
                case <= 2:
                case 6:
                    set = set.Union(box);
                    Apply(model, boxModel, (x, y) => x | y);
                    break;
                case 3:
                    set = set.Except(box);
                    Apply(model, boxModel, (x, y) => x & !y);
                    break;
                case 4:
                    set = set.Intersect(box);
                    Apply(model, boxModel, (x, y) => x & y);
                    break;
                default:
                    set = set.Complement();
                    Apply(model, model, (x, _) => !x);
                    break;
            }
        }

        return (set, model);
    }

    public static int Size(Space space) => (int)space.Size;

    /// <summary>The point with the given index, last dimension fastest.</summary>
    public static uint[] Point(Space space, int index)
    {
        var point = new uint[space.Dimensions];
        for (var d = space.Dimensions - 1; d >= 0; d--)
        {
            var extent = (int)space.Max[d] + 1;
            point[d] = (uint)(index % extent);
            index /= extent;
        }

        return point;
    }

    /// <summary>The bool-per-point model of a set, read from its boxes; fails if two boxes share a point.</summary>
    public static bool[] Model(Space space, BoxSet set)
    {
        var model = new bool[Size(space)];
        var n = space.Dimensions;
        var point = new uint[n];
        foreach (var box in set.Boxes)
        {
            // Odometer over the box's points, last dimension fastest.
            for (var d = 0; d < n; d++)
            {
                point[d] = box[d].Lo;
            }

            while (true)
            {
                var i = Index(space, point);
                if (model[i])
                {
                    throw new ShouldAssertException($"boxes of {set} overlap at ({string.Join(",", point)})");
                }

                model[i] = true;
                var d = n - 1;
                while (d >= 0 && point[d] == box[d].Hi)
                {
                    point[d] = box[d].Lo;
                    d--;
                }

                if (d < 0)
                {
                    break;
                }

                point[d]++;
            }
        }

        return model;
    }

    private static int Index(Space space, uint[] point)
    {
        var index = 0;
        for (var d = 0; d < point.Length; d++)
        {
            index = (index * ((int)space.Max[d] + 1)) + (int)point[d];
        }

        return index;
    }

    /// <summary>Asserts the set holds exactly the model's points and keeps the representation invariants.</summary>
    public static void ShouldMatch(BoxSet set, bool[] model, string what)
    {
        var actual = Model(set.Space, set);
        for (var i = 0; i < model.Length; i++)
        {
            if (actual[i] != model[i])
            {
                throw new ShouldAssertException(
                    $"{what}: point ({string.Join(",", Point(set.Space, i))}) should {(model[i] ? "" : "not ")}be in {set}");
            }
        }

        set.Cardinality.ShouldBe((UInt128)model.Count(x => x), what);
        set.IsEmpty.ShouldBe(!model.Contains(true), what);
        set.IsFull.ShouldBe(!model.Contains(false), what);
        ShouldBeCoalesced(set);
    }

    /// <summary>No two boxes are equal in all dimensions but one and adjacent in that one.</summary>
    public static void ShouldBeCoalesced(BoxSet set)
    {
        var boxes = set.Boxes;
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Mergeable(boxes[i], boxes[j]).ShouldBeFalse($"{boxes[i]} and {boxes[j]} of {set} should have been merged");
            }
        }
    }

    private static bool Mergeable(Box a, Box b)
    {
        var differing = -1;
        for (var d = 0; d < a.Count; d++)
        {
            if (a[d] != b[d])
            {
                if (differing >= 0)
                {
                    return false;
                }

                differing = d;
            }
        }

        return differing >= 0 && ((ulong)a[differing].Hi + 1 == b[differing].Lo || (ulong)b[differing].Hi + 1 == a[differing].Lo);
    }

    private static void Apply(bool[] model, bool[] other, Func<bool, bool, bool> op)
    {
        for (var i = 0; i < model.Length; i++)
        {
            model[i] = op(model[i], other[i]);
        }
    }

    /// <param name="Op">Which operation (see <see cref="Steps"/>).</param>
    /// <param name="Values">Two raw values per dimension, folded into the dimension's range.</param>
    public sealed record Step(int Op, uint[] Values)
    {
        public BoxSet Box(Space space)
        {
            var ranges = new Range[space.Dimensions];
            for (var d = 0; d < ranges.Length; d++)
            {
                var a = Values[2 * d] % (space.Max[d] + 1);
                var b = Op == 6 ? a : Values[(2 * d) + 1] % (space.Max[d] + 1);
                ranges[d] = new Range(Math.Min(a, b), Math.Max(a, b));
            }

            return BoxSet.Box(space, ranges);
        }

        public override string ToString() => $"{Op}:{string.Join(",", Values)}";
    }
}
