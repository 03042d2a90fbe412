namespace PciZone.Scope.Algebra;

/// <summary>Questions about two sets. None of them allocates.</summary>
public sealed partial class BoxSet
{
    /// <summary>True when every point of this set is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(BoxSet other)
    {
        CheckSpace(other);
        if (ReferenceEquals(this, other) || IsEmpty || other.IsFullBox)
        {
            return true;
        }

        if (other.IsEmpty)
        {
            return false;
        }

        var eachInOne = true;
        for (var i = 0; i < Count && eachInOne; i++)
        {
            eachInOne = other.AnyBoxContains(Box(i));
        }

        if (eachInOne)
        {
            return true;
        }

        // A box of this set may be covered by several boxes of the other. Both sets are disjoint unions,
        // so |this ∩ other| is the sum of pairwise overlaps, and the subset test is |this ∩ other| = |this|.
        UInt128 shared = 0;
        for (var i = 0; i < Count; i++)
        {
            var a = Box(i);
            for (var j = 0; j < other.Count; j++)
            {
                shared += BoxMath.IntersectionVolume(a, other.Box(j));
            }
        }

        return shared == Cardinality;
    }

    /// <summary>True when the two sets hold the same points (whatever their boxes).</summary>
    public bool SetEquals(BoxSet other)
    {
        CheckSpace(other);
        return ReferenceEquals(this, other) || (Cardinality == other.Cardinality && IsSubsetOf(other));
    }

    /// <summary>True when the two sets share at least one point.</summary>
    public bool Overlaps(BoxSet other)
    {
        CheckSpace(other);
        for (var i = 0; i < Count; i++)
        {
            if (other.FirstOverlap(Box(i), 0) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
