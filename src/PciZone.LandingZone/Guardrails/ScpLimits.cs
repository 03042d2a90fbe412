namespace PciZone.LandingZone.Guardrails;

/// <summary>AWS Organizations quotas that a generated zone must respect (not adjustable).</summary>
internal static class ScpLimits
{
    /// <summary>Maximum characters of one SCP document.</summary>
    public const int MaxPolicyCharacters = 5120;

    /// <summary>Maximum SCPs attached to one root, OU or account, including FullAWSAccess.</summary>
    public const int MaxPoliciesPerTarget = 5;

    /// <summary>Slots that the AWS-managed FullAWSAccess policy keeps on every target (the zone never detaches it).</summary>
    public const int ReservedForFullAwsAccess = 1;
}
