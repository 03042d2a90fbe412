namespace PciZone.Scope.Algebra;

/// <summary>Set operations. Each allocates at most the result; trivial cases return an existing set.</summary>
public sealed partial class BoxSet
{
    /// <summary>The points in this set, in <paramref name="other"/>, or in both.</summary>
    public BoxSet Union(BoxSet other)
    {
        CheckSpace(other);
        if (ReferenceEquals(this, other) || other.IsEmpty || IsFullBox)
        {
            return this;
        }

        if (IsEmpty || other.IsFullBox)
        {
            return other;
        }

        if (Count == 1 && other.Count == 1 && UnionOfBoxes(other) is { } quick)
        {
            return quick;
        }

        // Boxes of this set that lie inside one box of the other add nothing; dropping them first keeps
        // the other set's boxes whole instead of cutting holes around points they already hold.
        var stack = BoxBuffer.StackBoxes * _stride;
        var result = new BoxBuffer(stackalloc uint[stack], _stride);
        var cur = new BoxBuffer(stackalloc uint[stack], _stride);
        var next = new BoxBuffer(stackalloc uint[stack], _stride);
        try
        {
            UInt128 dropped = 0;
            for (var i = 0; i < Count; i++)
            {
                if (!other.AnyBoxContains(Box(i)))
                {
                    result.AddClean(Box(i));
                }
                else
                {
                    dropped += BoxMath.Volume(Box(i));
                }
            }

            var kept = result.Count;
            if (kept == 0)
            {
                return other;
            }

            UInt128 added = 0;
            for (var j = 0; j < other.Count; j++)
            {
                cur.Clear();
                cur.Add(other.Box(j));
                SubtractAll(ref cur, ref next, ref result, kept);
                for (var k = 0; k < cur.Count; k++)
                {
                    result.Add(cur[k]);
                    added += BoxMath.Volume(cur[k]);
                }
            }

            if (added == 0)
            {
                return this; // other ⊆ kept ⊆ this
            }

            // Cardinality carries over, so a chain of unions never recounts the growing set.
            var cardinality = Cardinality - dropped + added;
            return cardinality == Space.Size ? Space.FullSet : result.ToSet(Space, cardinality);
        }
        finally
        {
            result.Dispose();
            cur.Dispose();
            next.Dispose();
        }
    }

    /// <summary>The points in both this set and <paramref name="other"/>.</summary>
    public BoxSet Intersect(BoxSet other)
    {
        CheckSpace(other);
        if (ReferenceEquals(this, other) || other.IsFullBox || IsEmpty)
        {
            return this;
        }

        if (other.IsEmpty || IsFullBox)
        {
            return other;
        }

        if (Count == 1 && other.Count == 1)
        {
            return IntersectBoxes(other);
        }

        var result = new BoxBuffer(stackalloc uint[BoxBuffer.StackBoxes * _stride], _stride);
        try
        {
            return IntersectInto(other, ref result);
        }
        finally
        {
            result.Dispose();
        }
    }

    private BoxSet IntersectInto(BoxSet other, ref BoxBuffer result)
    {
        var allMine = true; // every result box is a whole box of this set
        var allTheirs = true;
        for (var i = 0; i < Count; i++)
        {
            var a = Box(i);
            for (var j = 0; j < other.Count; j++)
            {
                var b = other.Box(j);
                if (!BoxMath.Overlaps(a, b))
                {
                    continue;
                }

                var mine = BoxMath.Contains(b, a);
                var theirs = BoxMath.Contains(a, b);
                allMine &= mine;
                allTheirs &= theirs;
                if (mine)
                {
                    result.AddClean(a); // boxes of a coalesced set never merge with each other
                }
                else
                {
                    BoxMath.Intersect(a, b, result.Append());
                }
            }
        }

        if (result.Count == 0)
        {
            return Space.EmptySet;
        }

        if (allMine && result.Count == Count)
        {
            return this;
        }

        return allTheirs && result.Count == other.Count ? other : result.ToSet(Space);
    }

    /// <summary>The points in this set that are not in <paramref name="other"/>.</summary>
    public BoxSet Except(BoxSet other)
    {
        CheckSpace(other);
        if (IsEmpty || other.IsEmpty)
        {
            return this;
        }

        if (ReferenceEquals(this, other) || other.IsFullBox)
        {
            return Space.EmptySet;
        }

        var first = 0;
        while (first < Count && other.FirstOverlap(Box(first), 0) < 0)
        {
            first++;
        }

        if (first == Count)
        {
            return this; // nothing to take away
        }

        var stack = BoxBuffer.StackBoxes * _stride;
        var result = new BoxBuffer(stackalloc uint[stack], _stride);
        var cur = new BoxBuffer(stackalloc uint[stack], _stride);
        var next = new BoxBuffer(stackalloc uint[stack], _stride);
        try
        {
            UInt128 removed = 0;
            for (var i = 0; i < Count; i++)
            {
                var a = Box(i);
                var overlap = i < first ? -1 : other.FirstOverlap(a, 0);
                if (overlap < 0)
                {
                    result.AddClean(a); // untouched boxes of a coalesced set stay unmergeable
                    continue;
                }

                removed += BoxMath.Volume(a);
                cur.Clear();
                cur.Add(a);
                other.SubtractAll(ref cur, ref next, overlap);
                for (var k = 0; k < cur.Count; k++)
                {
                    result.Add(cur[k]);
                    removed -= BoxMath.Volume(cur[k]);
                }
            }

            return result.ToSet(Space, _cardinalityKnown ? _cardinality - removed : null);
        }
        finally
        {
            result.Dispose();
            cur.Dispose();
            next.Dispose();
        }
    }

    /// <summary>The union of two one-box sets when it needs no general machinery; null otherwise.</summary>
    private BoxSet? UnionOfBoxes(BoxSet other)
    {
        ReadOnlySpan<uint> a = _data.AsSpan(0, _stride), b = other._data.AsSpan(0, other._stride);
        if (BoxMath.Contains(a, b))
        {
            return this;
        }

        if (BoxMath.Contains(b, a))
        {
            return other;
        }

        if (BoxMath.Overlaps(a, b))
        {
            return null;
        }

        Span<uint> merged = stackalloc uint[_stride];
        a.CopyTo(merged);
        if (BoxMath.TryMerge(merged, b))
        {
            return merged.SequenceEqual(Space.FullBox) ? Space.FullSet : new BoxSet(Space, merged.ToArray(), 1);
        }

        var data = new uint[2 * _stride];
        a.CopyTo(data);
        b.CopyTo(data.AsSpan(_stride));
        return new BoxSet(Space, data, 2);
    }

    private BoxSet IntersectBoxes(BoxSet other)
    {
        ReadOnlySpan<uint> a = _data.AsSpan(0, _stride), b = other._data.AsSpan(0, other._stride);
        Span<uint> box = stackalloc uint[_stride];
        if (!BoxMath.Intersect(a, b, box))
        {
            return Space.EmptySet;
        }

        return a.SequenceEqual(box) ? this : b.SequenceEqual(box) ? other : new BoxSet(Space, box.ToArray(), 1);
    }

    /// <summary>Replaces <paramref name="cur"/> by <c>cur \ (boxes [from, Count) of this set)</c>.</summary>
    private void SubtractAll(ref BoxBuffer cur, ref BoxBuffer next, int from)
    {
        for (var j = from; j < Count && cur.Count > 0; j++)
        {
            SubtractOne(ref cur, ref next, Box(j));
        }
    }

    /// <summary>Replaces <paramref name="cur"/> by <c>cur \ (the first <paramref name="count"/> boxes of <paramref name="boxes"/>)</c>.</summary>
    private static void SubtractAll(ref BoxBuffer cur, ref BoxBuffer next, ref BoxBuffer boxes, int count)
    {
        for (var j = 0; j < count && cur.Count > 0; j++)
        {
            SubtractOne(ref cur, ref next, boxes[j]);
        }
    }

    private static void SubtractOne(ref BoxBuffer cur, ref BoxBuffer next, ReadOnlySpan<uint> b)
    {
        var touched = false;
        for (var k = 0; k < cur.Count && !touched; k++)
        {
            touched = BoxMath.Overlaps(cur[k], b);
        }

        if (!touched)
        {
            return;
        }

        next.Clear();
        for (var k = 0; k < cur.Count; k++)
        {
            var w = cur[k];
            if (!BoxMath.Contains(b, w))
            {
                BoxMath.Subtract(w, b, ref next);
            }
        }

        var swap = cur;
        cur = next;
        next = swap;
    }

    private int FirstOverlap(ReadOnlySpan<uint> box, int from)
    {
        for (var j = from; j < Count; j++)
        {
            if (BoxMath.Overlaps(Box(j), box))
            {
                return j;
            }
        }

        return -1;
    }

    private bool AnyBoxContains(ReadOnlySpan<uint> box)
    {
        for (var j = 0; j < Count; j++)
        {
            if (BoxMath.Contains(Box(j), box))
            {
                return true;
            }
        }

        return false;
    }
}
