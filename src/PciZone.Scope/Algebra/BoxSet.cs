using System.Text;

namespace PciZone.Scope.Algebra;

/// <summary>
/// An immutable set of points of a <see cref="Space"/>, held as pairwise-disjoint boxes (one
/// <see cref="Range"/> per dimension). Boxes that are equal in all dimensions but one and adjacent in that one
/// are coalesced after every operation, so unions of adjacent CIDR blocks or port ranges stay one box.
/// </summary>
/// <remarks>
/// The representation is not canonical: two sets with the same points may hold different boxes. Compare
/// with <see cref="SetEquals"/>, never by the boxes. Instances are safe to share across threads.
/// </remarks>
public sealed partial class BoxSet
{
    // Box i occupies _data[i*stride .. (i+1)*stride) as lo0, hi0, lo1, hi1, ...; stride = 2 * dimensions.
    private readonly uint[] _data;
    private readonly int _stride;
    private UInt128 _cardinality;
    private volatile bool _cardinalityKnown;

    internal BoxSet(Space space, uint[] data, int count, UInt128? cardinality = null)
    {
        Space = space;
        _data = data;
        _stride = 2 * space.Dimensions;
        Count = count;
        if (cardinality is { } known)
        {
            _cardinality = known;
            _cardinalityKnown = true;
        }
    }

    /// <summary>The space the points belong to.</summary>
    public Space Space { get; }

    /// <summary>Number of disjoint boxes.</summary>
    public int Count { get; }

    /// <summary>True when the set has no point.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>True when the set holds every point of its space.</summary>
    public bool IsFull => IsFullBox || (Count > 1 && Cardinality == Space.Size);

    /// <summary>The disjoint boxes, as a view over the set's storage.</summary>
    public BoxList Boxes => new(_data, Count, Space.Dimensions);

    /// <summary>Number of points in the set.</summary>
    public UInt128 Cardinality
    {
        get
        {
            if (_cardinalityKnown)
            {
                return _cardinality;
            }

            UInt128 sum = 0;
            for (var i = 0; i < Count; i++)
            {
                sum += BoxMath.Volume(Box(i));
            }

            _cardinality = sum;
            _cardinalityKnown = true; // volatile write: publishes _cardinality to readers that see the flag
            return sum;
        }
    }

    /// <summary>Whether this set is the one full box: a cheap test for the short cuts.</summary>
    private bool IsFullBox => Count == 1 && _data.AsSpan(0, _stride).SequenceEqual(Space.FullBox);

    /// <summary>The set with no point.</summary>
    public static BoxSet Empty(Space space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return space.EmptySet;
    }

    /// <summary>The set of every point of <paramref name="space"/>.</summary>
    public static BoxSet Full(Space space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return space.FullSet;
    }

    /// <summary>The box with one range per dimension.</summary>
    /// <exception cref="ArgumentException">Wrong number of ranges, or a range beyond the dimension's maximum.</exception>
    public static BoxSet Box(Space space, params Range[] ranges) => Box(space, (ReadOnlySpan<Range>)ranges);

    /// <summary>The box with one range per dimension.</summary>
    /// <exception cref="ArgumentException">Wrong number of ranges, or a range beyond the dimension's maximum.</exception>
    public static BoxSet Box(Space space, ReadOnlySpan<Range> ranges)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (ranges.Length != space.Dimensions)
        {
            throw new ArgumentException($"A box of {space} needs {space.Dimensions} ranges; got {ranges.Length}.", nameof(ranges));
        }

        var data = new uint[2 * ranges.Length];
        for (var d = 0; d < ranges.Length; d++)
        {
            if (ranges[d].Hi > space.Max[d])
            {
                throw new ArgumentException($"Range {ranges[d]} exceeds the maximum {space.Max[d]} of dimension {d}.", nameof(ranges));
            }

            data[2 * d] = ranges[d].Lo;
            data[(2 * d) + 1] = ranges[d].Hi;
        }

        return data.AsSpan().SequenceEqual(space.FullBox) ? space.FullSet : new BoxSet(space, data, 1);
    }

    /// <summary>True when the point (one value per dimension) is in the set.</summary>
    public bool Contains(params uint[] point) => Contains((ReadOnlySpan<uint>)point);

    /// <summary>True when the point (one value per dimension) is in the set.</summary>
    public bool Contains(ReadOnlySpan<uint> point)
    {
        if (point.Length != Space.Dimensions)
        {
            throw new ArgumentException($"A point of {Space} has {Space.Dimensions} coordinates; got {point.Length}.", nameof(point));
        }

        for (var i = 0; i < Count; i++)
        {
            if (BoxMath.ContainsPoint(Box(i), point))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The points of the space that are not in this set.</summary>
    public BoxSet Complement() => Space.FullSet.Except(this);

    /// <summary>
    /// The values dimension <paramref name="dimension"/> takes over the set's points, as sorted, disjoint,
    /// non-adjacent ranges (e.g. the destination addresses of a traffic set).
    /// </summary>
    public IReadOnlyList<Range> Project(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimension, Space.Dimensions);
        var ranges = new Range[Count];
        for (var i = 0; i < Count; i++)
        {
            ranges[i] = new Range(_data[(i * _stride) + (2 * dimension)], _data[(i * _stride) + (2 * dimension) + 1]);
        }

        return RangeList.Normalise(ranges);
    }

    /// <summary>Writes the boxes, e.g. <c>{[0-3 x 5], [7 x 0-9]}</c>; for diagnostics.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("{");
        var boxes = Boxes;
        for (var i = 0; i < boxes.Count; i++)
        {
            sb.Append(i == 0 ? "" : ", ").Append(boxes[i]);
        }

        return sb.Append('}').ToString();
    }

    private ReadOnlySpan<uint> Box(int index) => _data.AsSpan(index * _stride, _stride);

    private void CheckSpace(BoxSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(Space, other.Space) && !Space.Equals(other.Space))
        {
            throw new ArgumentException($"Sets of {Space} and {other.Space} do not combine.", nameof(other));
        }
    }
}
