namespace PciZone.Estate;

/// <summary>
/// A suppression written next to the resource in its source: <c># pcizone:ignore RULE-ID reason</c> in
/// Terraform, or <c>Metadata.pcizone.ignore</c> in CloudFormation. The reason is mandatory.
/// </summary>
public sealed record InlineSuppression(string RuleId, string Reason, Provenance Source);
