namespace PciZone.LandingZone.Spec;

/// <summary>
/// The fixed OU tree of the zone. The tree is the design: the CDE has its own OU so that its guardrails
/// and its scope boundary (PCI 1.2, 12.5.2) are one attachment, not a list of accounts.
/// </summary>
public static class Ous
{
    public const string Root = "Root";
    public const string Security = "Security";
    public const string Infrastructure = "Infrastructure";
    public const string Workloads = "Workloads";
    public const string Cde = "Workloads/CDE";
    public const string NonCde = "Workloads/Non-CDE";
    public const string Sandbox = "Sandbox";
    public const string Suspended = "Suspended";

    /// <summary>Every OU path an account may name (Root only for the management account).</summary>
    public static readonly IReadOnlyList<string> All = [Root, Security, Infrastructure, Workloads, Cde, NonCde, Sandbox, Suspended];

    /// <summary>The Terraform key of an OU path (cde, non_cde, security, ...).</summary>
    public static string Key(string path) => path switch
    {
        Cde => "cde",
        NonCde => "non_cde",
        _ => path.ToLowerInvariant(),
    };

    /// <summary>The parent path of a child OU, or null for a top-level OU.</summary>
    public static string? Parent(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.IndexOf('/', StringComparison.Ordinal)] : null;

    /// <summary>The display name AWS shows (the last path segment).</summary>
    public static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>The path and every ancestor up to (not including) Root, nearest first.</summary>
    public static IEnumerable<string> WithAncestors(string path)
    {
        for (var p = path; p is not null && p != Root; p = Parent(p))
        {
            yield return p;
        }
    }
}
