namespace PciZone.Estate;

/// <summary>
/// Why an attribute is unknown and where it sits below its resource: one shared object per attribute
/// path stands in for a reason text and a provenance per unknown value (see <see cref="Value{T}.Unknown(UnknownAttribute, Provenance)"/>).
/// </summary>
/// <param name="Reason">Why the value is unknown.</param>
/// <param name="Path">The attribute path below the resource's provenance.</param>
public sealed record UnknownAttribute(string Reason, string Path);
