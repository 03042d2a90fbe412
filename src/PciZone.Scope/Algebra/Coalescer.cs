using System.Buffers;

namespace PciZone.Scope.Algebra;

/// <summary>
/// Merges pairs of disjoint boxes that are equal in all dimensions but one and adjacent in that one, until no
/// such pair is left. This keeps unions of adjacent CIDR blocks or port ranges at one box instead of many.
/// </summary>
internal static class Coalescer
{
    /// <summary>Above this many pair checks the sort-based pass is cheaper than the pairwise one.</summary>
    private const long PairwiseBudget = 4096;

    /// <summary>Coalesces boxes <c>[0, count)</c> in place; boxes <c>[0, clean)</c> are already pairwise unmergeable.</summary>
    /// <returns>The new number of boxes.</returns>
    public static int Coalesce(Span<uint> data, int count, int clean, int stride)
    {
        if (count - clean == 0 || count < 2)
        {
            return count;
        }

        return (long)(count - clean) * count > PairwiseBudget
            ? BySort(data, count, stride)
            : Incremental(data, count, clean, stride);
    }

    /// <summary>
    /// Takes dirty boxes one at a time and merges every box it can into it; once a box merges with nothing it
    /// becomes clean. Clean boxes never need checking against each other, so adding a few boxes to a large
    /// coalesced set costs a few scans, not a quadratic pass.
    /// </summary>
    internal static int Incremental(Span<uint> span, int n, int c, int stride)
    {
        Span<uint> cur = stackalloc uint[stride];
        while (c < n)
        {
            n--;
            span.Slice(n * stride, stride).CopyTo(cur);
            var j = 0;
            while (j < n)
            {
                if (!BoxMath.TryMerge(cur, span.Slice(j * stride, stride)))
                {
                    j++;
                    continue;
                }

                if (j < c)
                {
                    // Keep clean boxes in front: the last clean box fills the hole, the last dirty box fills its place.
                    Move(span, c - 1, j, stride);
                    Move(span, n - 1, c - 1, stride);
                    c--;
                }
                else
                {
                    Move(span, n - 1, j, stride);
                }

                n--;
                j = 0; // cur grew, so boxes it could not absorb before may fit now
            }

            Move(span, c, n, stride);
            cur.CopyTo(span.Slice(c * stride, stride));
            c++;
            n++;
        }

        return n;
    }

    /// <summary>
    /// For each dimension, sorts boxes by their other dimensions and then by their start in this one, so that
    /// mergeable boxes are neighbours; repeats until a round over all dimensions merges nothing.
    /// </summary>
    internal static int BySort(Span<uint> span, int n, int stride)
    {
        if (n < 2)
        {
            return n;
        }

        // The sort comparer needs an array, and the boxes may live on the stack: work on a pooled copy.
        var order = ArrayPool<int>.Shared.Rent(n);
        var data = ArrayPool<uint>.Shared.Rent(n * stride);
        span[..(n * stride)].CopyTo(data);
        try
        {
            bool merged;
            do
            {
                merged = false;
                for (var d = 0; d < stride; d += 2)
                {
                    n = MergeAlong(data, n, stride, d, order, ref merged);
                }
            }
            while (merged);

            data.AsSpan(0, n * stride).CopyTo(span);
            return n;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<uint>.Shared.Return(data);
        }
    }

    private static int MergeAlong(uint[] data, int n, int stride, int d, int[] order, ref bool merged)
    {
        var idx = order.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            idx[i] = i;
        }

        idx.Sort(new AlongComparer(data, stride, d));
        var head = idx[0] * stride;
        var any = false;
        for (var k = 1; k < n; k++)
        {
            var next = idx[k] * stride;
            if ((ulong)data[head + d + 1] + 1 == data[next + d] && SameExcept(data, head, next, stride, d))
            {
                data[head + d + 1] = data[next + d + 1];
                data[next] = 1; // dead marker: lo > hi in dimension 0, impossible for a live box
                data[next + 1] = 0;
                any = true;
            }
            else
            {
                head = next;
            }
        }

        if (!any)
        {
            return n;
        }

        merged = true;
        var span = data.AsSpan();
        var w = 0;
        for (var r = 0; r < n; r++)
        {
            if (data[r * stride] <= data[(r * stride) + 1])
            {
                Move(span, r, w++, stride);
            }
        }

        return w;
    }

    private static bool SameExcept(uint[] data, int a, int b, int stride, int d)
    {
        for (var i = 0; i < stride; i++)
        {
            if ((i >> 1) != (d >> 1) && data[a + i] != data[b + i])
            {
                return false;
            }
        }

        return true;
    }

    private static void Move(Span<uint> span, int from, int to, int stride)
    {
        if (from != to)
        {
            span.Slice(from * stride, stride).CopyTo(span.Slice(to * stride, stride));
        }
    }

    private readonly struct AlongComparer(uint[] data, int stride, int d) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            int a = x * stride, b = y * stride;
            for (var i = 0; i < stride; i++)
            {
                if ((i >> 1) == (d >> 1))
                {
                    continue;
                }

                var c = data[a + i].CompareTo(data[b + i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return data[a + d].CompareTo(data[b + d]);
        }
    }
}
