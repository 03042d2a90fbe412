namespace PciZone.Scope.Algebra;

/// <summary>
/// A finite N-dimensional grid of points: dimension <c>d</c> holds the values <c>0..Max[d]</c>. Sets of points
/// (<see cref="BoxSet"/>) belong to one space and combine only with sets of an equal space.
/// </summary>
public sealed class Space : IEquatable<Space>
{
    /// <summary>The largest supported number of dimensions; box arithmetic keeps a box on the stack.</summary>
    public const int MaxDimensions = 16;

    private readonly uint[] _max;

    /// <summary>Creates a space with the given inclusive maximum per dimension.</summary>
    /// <param name="max">Inclusive maximum of each dimension; at least one and at most <see cref="MaxDimensions"/>.</param>
    /// <exception cref="ArgumentException">No dimensions, too many, or more points than a <see cref="UInt128"/> counts.</exception>
    public Space(params uint[] max)
    {
        ArgumentNullException.ThrowIfNull(max);
        if (max.Length is 0 or > MaxDimensions)
        {
            throw new ArgumentException($"A space has 1 to {MaxDimensions} dimensions; got {max.Length}.", nameof(max));
        }

        _max = (uint[])max.Clone();
        UInt128 size = 1;
        try
        {
            foreach (var m in _max)
            {
                size = checked(size * ((UInt128)m + 1));
            }
        }
        catch (OverflowException e)
        {
            throw new ArgumentException("The space has more points than a UInt128 can count.", nameof(max), e);
        }

        Size = size;
        Dimensions = _max.Length;
        FullBox = new uint[2 * Dimensions];
        for (var d = 0; d < Dimensions; d++)
        {
            FullBox[(2 * d) + 1] = _max[d];
        }

        EmptySet = new BoxSet(this, [], 0);
        FullSet = new BoxSet(this, (uint[])FullBox.Clone(), 1);
    }

    /// <summary>Number of dimensions.</summary>
    public int Dimensions { get; }

    /// <summary>Number of points in the space.</summary>
    public UInt128 Size { get; }

    /// <summary>Inclusive maximum of each dimension.</summary>
    public IReadOnlyList<uint> Max => _max;

    /// <summary>The full range of dimension <paramref name="dimension"/>.</summary>
    public Range All(int dimension) => new(0, _max[dimension]);

    internal uint[] FullBox { get; }

    internal BoxSet EmptySet { get; }

    internal BoxSet FullSet { get; }

    /// <inheritdoc/>
    public bool Equals(Space? other) =>
        ReferenceEquals(this, other) || (other is not null && _max.AsSpan().SequenceEqual(other._max));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Space);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var m in _max)
        {
            hash.Add(m);
        }

        return hash.ToHashCode();
    }

    /// <summary>Writes the maxima, e.g. <c>Space(4294967295 x 255)</c>.</summary>
    public override string ToString() => $"Space({string.Join(" x ", _max)})";
}
