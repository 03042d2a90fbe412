using System.Buffers;

namespace PciZone.Scope.Algebra;

/// <summary>
/// A growable list of flat boxes: the scratch space of one set operation. It starts on memory the caller
/// provides (usually the stack) and moves to pooled arrays only when that is full, so small operations allocate
/// nothing but their result. Boxes <c>[0, Clean)</c> are known to be pairwise unmergeable, which lets
/// coalescing look only at the rest.
/// </summary>
internal ref struct BoxBuffer
{
    /// <summary>Boxes a buffer holds before it leaves the stack: enough for one box minus another (2N pieces) in four dimensions.</summary>
    public const int StackBoxes = 12;

    private Span<uint> _data;
    private uint[]? _rented;

    public BoxBuffer(Span<uint> initial, int stride)
    {
        _data = initial;
        Stride = stride;
    }

    public int Stride { get; }

    public int Count { get; private set; }

    public int Clean { get; private set; }

    public readonly Span<uint> this[int index] => _data.Slice(index * Stride, Stride);

    /// <summary>Adds an uninitialised box and returns it; valid until the next append.</summary>
    public Span<uint> Append()
    {
        var needed = (Count + 1) * Stride;
        if (needed > _data.Length)
        {
            var bigger = ArrayPool<uint>.Shared.Rent(Math.Max(needed, _data.Length * 2));
            _data[..(Count * Stride)].CopyTo(bigger);
            Return();
            _rented = bigger;
            _data = bigger;
        }

        return _data.Slice(Count++ * Stride, Stride);
    }

    public void Add(ReadOnlySpan<uint> box) => box.CopyTo(Append());

    /// <summary>Adds a box that cannot merge with any other clean box, keeping clean boxes in front.</summary>
    public void AddClean(ReadOnlySpan<uint> box)
    {
        Add(box);
        if (Clean != Count - 1)
        {
            var last = this[Count - 1];
            var first = this[Clean];
            Span<uint> tmp = stackalloc uint[Stride];
            first.CopyTo(tmp);
            last.CopyTo(first);
            tmp.CopyTo(last);
        }

        Clean++;
    }

    public void Clear()
    {
        Count = 0;
        Clean = 0;
    }

    /// <summary>Coalesces the boxes and copies them into a new set of exactly the right size.</summary>
    /// <param name="space">The set's space.</param>
    /// <param name="cardinality">The number of points when the caller already knows it.</param>
    public BoxSet ToSet(Space space, UInt128? cardinality = null)
    {
        if (Count == 0)
        {
            return space.EmptySet;
        }

        Count = Coalescer.Coalesce(_data, Count, Clean, Stride);
        Clean = Count;
        var exact = _data[..(Count * Stride)].ToArray();
        return new BoxSet(space, exact, Count, cardinality);
    }

    public void Dispose()
    {
        Return();
        _data = default;
    }

    private void Return()
    {
        if (_rented is not null)
        {
            ArrayPool<uint>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
