using PciZone.Scope.Algebra;

namespace PciZone.Scope.Reach;

/// <summary>
/// What a component lets through, as two traffic sets: <see cref="Definite"/> passes whatever the
/// unknown values turn out to be; <see cref="Possible"/> passes for some values. Definite is a subset
/// of Possible; the difference is the traffic whose fate is unknown until apply.
/// </summary>
internal readonly record struct Admit(BoxSet Definite, BoxSet Possible)
{
    public static Admit All { get; } = new(BoxSet.Full(Traffic.Space), BoxSet.Full(Traffic.Space));

    public static Admit None { get; } = new(BoxSet.Empty(Traffic.Space), BoxSet.Empty(Traffic.Space));

    /// <summary>Everything is possible, nothing is certain.</summary>
    public static Admit Unknown { get; } = new(BoxSet.Empty(Traffic.Space), BoxSet.Full(Traffic.Space));

    public static Admit Exactly(BoxSet s) => new(s, s);

    public bool IsEmpty => Possible.IsEmpty;

    public Admit And(Admit other) =>
        new(Definite.Intersect(other.Definite), Possible.Intersect(other.Possible));

    public Admit And(BoxSet other) => new(Definite.Intersect(other), Possible.Intersect(other));

    public Admit Or(Admit other) => new(Definite.Union(other.Definite), Possible.Union(other.Possible));

    /// <summary>Demotes everything to possible (a hop whose behaviour is not known).</summary>
    public Admit Uncertain() => new(BoxSet.Empty(Traffic.Space), Possible);
}
