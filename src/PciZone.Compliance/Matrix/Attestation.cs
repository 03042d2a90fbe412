namespace PciZone.Compliance;

/// <summary>
/// A person's statement that a process requirement is met, with the evidence behind it
/// (<c>attestations:</c> in <c>.pcizone.yaml</c>). The matrix shows such a requirement as attested, never as passed.
/// </summary>
public sealed record Attestation(string Requirement, string By, DateOnly Date, string Evidence, string? Note, string Source);
