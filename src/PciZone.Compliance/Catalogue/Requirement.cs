namespace PciZone.Compliance;

/// <summary>How far a requirement can be checked by a tool.</summary>
public enum AutomationClass
{
    /// <summary>Checkable from configuration.</summary>
    Automated,

    /// <summary>Partly checkable; the rest is process.</summary>
    Partial,

    /// <summary>Process only: needs attestation.</summary>
    Process,
}

/// <summary>One requirement of the catalogue.</summary>
public sealed record Requirement(string Id, string? Parent, string Summary, AutomationClass Automation, int Order);
