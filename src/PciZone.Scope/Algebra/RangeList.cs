namespace PciZone.Scope.Algebra;

/// <summary>One-dimensional helpers: lists of ranges as sorted, disjoint, non-adjacent runs.</summary>
internal static class RangeList
{
    /// <summary>Sorts the ranges and merges overlapping and adjacent ones. Reuses <paramref name="ranges"/>.</summary>
    public static Range[] Normalise(Range[] ranges)
    {
        if (ranges.Length < 2)
        {
            return ranges;
        }

        Array.Sort(ranges, static (x, y) => x.Lo.CompareTo(y.Lo));
        var w = 0;
        for (var r = 1; r < ranges.Length; r++)
        {
            var cur = ranges[w];
            var next = ranges[r];
            if ((ulong)cur.Hi + 1 >= next.Lo)
            {
                ranges[w] = new Range(cur.Lo, Math.Max(cur.Hi, next.Hi));
            }
            else
            {
                ranges[++w] = next;
            }
        }

        return ranges.AsSpan(0, w + 1).ToArray();
    }

    /// <summary>The values of <c>0..max</c> not covered by the normalised <paramref name="ranges"/>.</summary>
    public static Range[] Complement(IReadOnlyList<Range> ranges, uint max)
    {
        var gaps = new List<Range>(ranges.Count + 1);
        ulong next = 0;
        foreach (var r in ranges)
        {
            if (r.Lo > next)
            {
                gaps.Add(new Range((uint)next, r.Lo - 1));
            }

            next = (ulong)r.Hi + 1;
        }

        if (next <= max)
        {
            gaps.Add(new Range((uint)next, max));
        }

        return [.. gaps];
    }
}
