namespace PciZone.Scope.Algebra;

/// <summary>
/// Arithmetic on single boxes stored flat: a box of an N-dimensional space is <c>2N</c> uints,
/// <c>lo0, hi0, lo1, hi1, ...</c>. Everything here works on spans so callers decide where boxes live.
/// </summary>
internal static class BoxMath
{
    public static bool Overlaps(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        for (var i = 0; i < a.Length; i += 2)
        {
            if (a[i] > b[i + 1] || b[i] > a[i + 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="outer"/> holds every point of <paramref name="inner"/>.</summary>
    public static bool Contains(ReadOnlySpan<uint> outer, ReadOnlySpan<uint> inner)
    {
        for (var i = 0; i < outer.Length; i += 2)
        {
            if (inner[i] < outer[i] || inner[i + 1] > outer[i + 1])
            {
                return false;
            }
        }

        return true;
    }

    public static bool ContainsPoint(ReadOnlySpan<uint> box, ReadOnlySpan<uint> point)
    {
        for (var d = 0; d < point.Length; d++)
        {
            var v = point[d];
            if (v < box[2 * d] || v > box[(2 * d) + 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes the intersection to <paramref name="result"/>; false (and garbage) when it is empty.</summary>
    public static bool Intersect(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<uint> result)
    {
        for (var i = 0; i < a.Length; i += 2)
        {
            var lo = Math.Max(a[i], b[i]);
            var hi = Math.Min(a[i + 1], b[i + 1]);
            if (lo > hi)
            {
                return false;
            }

            result[i] = lo;
            result[i + 1] = hi;
        }

        return true;
    }

    public static UInt128 Volume(ReadOnlySpan<uint> box)
    {
        UInt128 v = 1;
        for (var i = 0; i < box.Length; i += 2)
        {
            v *= (ulong)box[i + 1] - box[i] + 1;
        }

        return v;
    }

    public static UInt128 IntersectionVolume(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        UInt128 v = 1;
        for (var i = 0; i < a.Length; i += 2)
        {
            var lo = Math.Max(a[i], b[i]);
            var hi = Math.Min(a[i + 1], b[i + 1]);
            if (lo > hi)
            {
                return 0;
            }

            v *= (ulong)hi - lo + 1;
        }

        return v;
    }

    /// <summary>
    /// Appends <paramref name="w"/> minus <paramref name="b"/> as at most 2N disjoint boxes. Slabs are cut
    /// dimension by dimension, so each slab keeps the full extent of <paramref name="w"/> in later dimensions;
    /// that keeps pieces large and easy to coalesce again.
    /// </summary>
    public static void Subtract(ReadOnlySpan<uint> w, ReadOnlySpan<uint> b, ref BoxBuffer into)
    {
        if (!Overlaps(w, b))
        {
            into.Add(w);
            return;
        }

        Span<uint> cur = stackalloc uint[w.Length];
        w.CopyTo(cur);
        for (var i = 0; i < cur.Length; i += 2)
        {
            if (cur[i] < b[i])
            {
                var piece = into.Append();
                cur.CopyTo(piece);
                piece[i + 1] = b[i] - 1;
                cur[i] = b[i];
            }

            if (cur[i + 1] > b[i + 1])
            {
                var piece = into.Append();
                cur.CopyTo(piece);
                piece[i] = b[i + 1] + 1;
                cur[i + 1] = b[i + 1];
            }
        }
    }

    /// <summary>
    /// Grows <paramref name="cur"/> to <c>cur ∪ other</c> when that union is itself a box of two disjoint boxes:
    /// equal in every dimension but one, and adjacent in that one.
    /// </summary>
    public static bool TryMerge(Span<uint> cur, ReadOnlySpan<uint> other)
    {
        var differing = -1;
        for (var i = 0; i < cur.Length; i += 2)
        {
            if (cur[i] != other[i] || cur[i + 1] != other[i + 1])
            {
                if (differing >= 0)
                {
                    return false;
                }

                differing = i;
            }
        }

        if (differing < 0)
        {
            return true;
        }

        if ((ulong)cur[differing + 1] + 1 == other[differing])
        {
            cur[differing + 1] = other[differing + 1];
            return true;
        }

        if ((ulong)other[differing + 1] + 1 == cur[differing])
        {
            cur[differing] = other[differing];
            return true;
        }

        return false;
    }
}
