using System.Collections;
using System.Text;

namespace PciZone.Scope.Algebra;

/// <summary>A read-only view of the disjoint boxes of a <see cref="BoxSet"/>; allocation-free to index and enumerate.</summary>
public readonly struct BoxList : IReadOnlyList<Box>
{
    private readonly uint[] _data;
    private readonly int _dimensions;

    internal BoxList(uint[] data, int count, int dimensions)
    {
        _data = data;
        Count = count;
        _dimensions = dimensions;
    }

    /// <summary>Number of boxes.</summary>
    public int Count { get; }

    /// <summary>The box at <paramref name="index"/>.</summary>
    public Box this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new Box(_data, index * 2 * _dimensions, _dimensions);
        }
    }

    /// <summary>Enumerates the boxes without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Box> IEnumerable<Box>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerator over the boxes.</summary>
    public struct Enumerator : IEnumerator<Box>
    {
        private readonly BoxList _list;
        private int _index;

        internal Enumerator(BoxList list)
        {
            _list = list;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly Box Current => _list[_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < _list.Count;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}

/// <summary>One box: a <see cref="Range"/> per dimension, viewed over the owning set's storage.</summary>
public readonly struct Box : IReadOnlyList<Range>
{
    private readonly uint[] _data;
    private readonly int _offset;

    internal Box(uint[] data, int offset, int dimensions)
    {
        _data = data;
        _offset = offset;
        Count = dimensions;
    }

    /// <summary>Number of dimensions.</summary>
    public int Count { get; }

    /// <summary>The range of dimension <paramref name="dimension"/>.</summary>
    public Range this[int dimension]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dimension);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimension, Count);
            return new Range(_data[_offset + (2 * dimension)], _data[_offset + (2 * dimension) + 1]);
        }
    }

    /// <summary>Number of points in the box.</summary>
    public UInt128 Volume => BoxMath.Volume(_data.AsSpan(_offset, 2 * Count));

    /// <inheritdoc/>
    public IEnumerator<Range> GetEnumerator()
    {
        for (var d = 0; d < Count; d++)
        {
            yield return this[d];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes the ranges, e.g. <c>[0-3 x 5]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("[");
        for (var d = 0; d < Count; d++)
        {
            sb.Append(d == 0 ? "" : " x ").Append(this[d].ToString());
        }

        return sb.Append(']').ToString();
    }
}
