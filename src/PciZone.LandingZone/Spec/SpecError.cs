namespace PciZone.LandingZone.Spec;

/// <summary>One problem in a spec, with its place: a user fixes them all from one run.</summary>
public sealed record SpecError(string File, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}

/// <summary>Thrown when a spec has problems; carries all of them, in document order.</summary>
public sealed class SpecException(IReadOnlyList<SpecError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems in the spec")
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<SpecError> Errors { get; } = errors;
}
