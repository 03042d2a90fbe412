using System.Globalization;

namespace PciZone.Scope.Algebra;

/// <summary>
/// An inclusive interval <c>[Lo, Hi]</c> of one dimension of a <see cref="Space"/>. Never empty: emptiness is a
/// property of a <see cref="BoxSet"/>, not of a range, so every box built from ranges is non-empty.
/// </summary>
/// <remarks>
/// The name clashes with <see cref="System.Range"/> under the implicit <c>using System</c>; files outside
/// this namespace that use both should alias it: <c>using Range = PciZone.Scope.Algebra.Range;</c>.
/// </remarks>
/// <param name="Lo">Lowest value in the range.</param>
/// <param name="Hi">Highest value in the range, not below <paramref name="Lo"/>.</param>
public readonly record struct Range(uint Lo, uint Hi)
{
    /// <summary>Lowest value in the range.</summary>
    public uint Lo { get; } = Lo <= Hi ? Lo : throw new ArgumentOutOfRangeException(nameof(Lo), Lo, $"A range must have Lo <= Hi; got {Lo}-{Hi}.");

    /// <summary>Highest value in the range.</summary>
    public uint Hi { get; } = Hi;

    /// <summary>Every value from 0 to <paramref name="max"/>.</summary>
    public static Range All(uint max) => new(0, max);

    /// <summary>The one value <paramref name="v"/>.</summary>
    public static Range Single(uint v) => new(v, v);

    /// <summary>How many values the range holds (1 to 2^32).</summary>
    public ulong Size => (ulong)Hi - Lo + 1;

    /// <summary>True when <paramref name="value"/> lies in the range.</summary>
    public bool Contains(uint value) => value >= Lo && value <= Hi;

    /// <summary>True when every value of <paramref name="other"/> lies in this range.</summary>
    public bool Contains(Range other) => other.Lo >= Lo && other.Hi <= Hi;

    /// <summary>True when the two ranges share a value.</summary>
    public bool Overlaps(Range other) => other.Lo <= Hi && Lo <= other.Hi;

    /// <summary>Writes <c>Lo-Hi</c>, or just <c>Lo</c> for a single value.</summary>
    public override string ToString() =>
        Lo == Hi ? Lo.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Lo}-{Hi}");
}
