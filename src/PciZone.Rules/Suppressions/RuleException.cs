namespace PciZone.Rules.Suppressions;

/// <summary>
/// An approved exception from <c>.pcizone.yaml</c>: one rule (id or slug) on the resources whose address
/// matches a glob, with the reason, who approved it, when it expires and, optionally, the compensating
/// control that stands in for the rule (PCI DSS Appendix B).
/// </summary>
public sealed record RuleException(
    string Rule,
    string ResourcePattern,
    string Reason,
    string Approver,
    DateOnly Expires,
    string? CompensatingControl,
    string File,
    int Line);
