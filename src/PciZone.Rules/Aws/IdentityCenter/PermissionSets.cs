using PciZone.Estate;
using PciZone.Rules.Aws.Organizations;

namespace PciZone.Rules.Aws.IdentityCenter;

/// <summary>Assignments by permission set, break-glass permission sets, and what a permission set grants.</summary>
internal static class PermissionSets
{
    /// <summary>The tag that marks a permission set as the monitored break-glass exception.</summary>
    public const string BreakGlassTag = "pcizone:break-glass";

    /// <summary>Assignments that name the permission set, in estate order.</summary>
    public static IReadOnlyList<AccountAssignment> AssignmentsOf(AwsEstate estate, PermissionSet set) =>
        estate.Memo("sso-assignments-by-permission-set", ByPermissionSet).GetValueOrDefault(set.Address) ?? [];

    /// <summary>Assignments whose permission set is unknown until apply (they may name any set).</summary>
    public static IReadOnlyList<AccountAssignment> UnlinkedAssignments(AwsEstate estate) =>
        estate.Memo("sso-assignments-by-permission-set", ByPermissionSet).GetValueOrDefault("") ?? [];

    /// <summary>True for a break-glass permission set: tagged, or named BreakGlass in any spelling.</summary>
    public static bool IsBreakGlass(PermissionSet set)
    {
        if (set.Tags.TryGetValue(BreakGlassTag, out var tag))
        {
            return string.Equals(tag, "true", StringComparison.OrdinalIgnoreCase);
        }

        var name = new string((set.Name.GetOrDefault() ?? "").Where(char.IsLetterOrDigit).ToArray());
        return name.Contains("breakglass", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Why the permission set grants full administrative access, null when it does not, or Unknown.</summary>
    public static Value<string?> FullAdmin(PermissionSet set)
    {
        foreach (var m in set.ManagedPolicies)
        {
            if (m.IsUnknown)
            {
                return Value.Unknown<string?>($"an attached managed policy is {m.UnknownReason}", m.Source);
            }

            if (m.Get()?.Literal is { } arn && PolicyFacts.AwsManagedDocument(arn) is { } doc && doc.Statements.Any(PolicyFacts.GrantsFullAdmin))
            {
                return Value.Of<string?>($"AWS managed policy {arn[(arn.LastIndexOf('/') + 1)..]}", m.Source);
            }
        }

        if (set.InlinePolicy.IsUnknown)
        {
            return Value.Unknown<string?>($"the inline policy is {set.InlinePolicy.UnknownReason}", set.InlinePolicy.Source);
        }

        return set.InlinePolicy.Get() is { } inline && inline.Statements.Any(PolicyFacts.GrantsFullAdmin)
            ? Value.Of<string?>("its inline policy (Allow \"*\" on \"*\")", set.InlinePolicy.Source)
            : Value.Of<string?>(null, set.Provenance);
    }

    /// <summary>Whether an assignment's target is a CDE account: true, false, or Unknown when the input cannot show it.</summary>
    public static Value<bool> TargetsCde(AwsEstate estate, AccountAssignment assignment)
    {
        if (assignment.Target.IsUnknown)
        {
            return Value.Unknown<bool>($"the target account is {assignment.Target.UnknownReason}", assignment.Target.Source);
        }

        if (assignment.Target.Get() is { Address: { } address } && estate.Find(address) is OrganizationAccount account)
        {
            return Value.Of(OrgTree.CdeReason(estate, account) is not null, assignment.Target.Source);
        }

        return Value.Unknown<bool>($"target {assignment.Target.Get()} is not an account of the scanned organisation", assignment.Target.Source);
    }

    private static Dictionary<string, IReadOnlyList<AccountAssignment>> ByPermissionSet(AwsEstate estate) =>
        estate.OfType<AccountAssignment>()
            .GroupBy(a => a.PermissionSet.GetOrDefault()?.Address ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AccountAssignment>)g.ToList(), StringComparer.Ordinal);
}
