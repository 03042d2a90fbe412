using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>IAM Identity Center permission sets, joined with their policies, and account assignments.</summary>
internal sealed class IdentityCenterTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_ssoadmin_permission_set", PermissionSet);
        registry.Primary("aws_ssoadmin_account_assignment", Assignment);
        registry.Companion("aws_ssoadmin_managed_policy_attachment", ManagedPolicy);
        registry.Companion("aws_ssoadmin_permission_set_inline_policy", InlinePolicy);
    }

    // Without session_duration CreatePermissionSet applies AWS's default of one hour.
    private static void PermissionSet(IResourceView r, IEstateBuilder estate) => estate.Add(new PermissionSet
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Name = r.String("name"),
        SessionDuration = r.IsWritten("session_duration") ? r.String("session_duration", "PT1H") : Value.Default<string?>("PT1H", r.Provenance),
        InlinePolicy = Value.Default<PolicyDocument?>(null, r.Provenance),
    });

    private static void Assignment(IResourceView r, IEstateBuilder estate) => estate.Add(new AccountAssignment
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        PermissionSet = r.Ref("permission_set_arn"),
        PrincipalType = r.String("principal_type"),
        Target = r.Ref("target_id"),
    });

    private static void ManagedPolicy(IResourceView r, IEstateBuilder estate)
    {
        var policy = r.Ref("managed_policy_arn");
        if (!estate.Join<PermissionSet>(r, r.Ref("permission_set_arn"), p => p with { ManagedPolicies = [.. p.ManagedPolicies, policy] }))
        {
            var unknown = Value.Unknown<ResourceRef?>($"attached by {r.Address} ({policy.GetOrDefault()}) to a permission set the input does not link", r.Provenance);
            MaybeAny(r, estate, p => p with { ManagedPolicies = [.. p.ManagedPolicies, unknown] });
        }
    }

    private static void InlinePolicy(IResourceView r, IEstateBuilder estate)
    {
        var policy = r.Policy("inline_policy");
        if (!estate.Join<PermissionSet>(r, r.Ref("permission_set_arn"), p => p with { InlinePolicy = policy }))
        {
            var unknown = Value.Unknown<PolicyDocument?>($"{r.Address} sets an inline policy on a permission set the input does not link", r.Provenance);
            MaybeAny(r, estate, p => p with { InlinePolicy = unknown });
        }
    }

    // A policy whose permission set cannot be linked (for_each keyed by another value) may belong to
    // any permission set of its module: mark each of them as holding an unknown policy, so that no
    // rule reads them as holding nothing.
    private static void MaybeAny(IResourceView r, IEstateBuilder estate, Func<PermissionSet, PermissionSet> update)
    {
        var scope = Scope(r.Address, r.Type);
        foreach (var address in estate.Existing<PermissionSet>().Where(p => Scope(p.Address, p.SourceType) == scope).Select(p => p.Address).ToList())
        {
            estate.Join(r, Value.Of<ResourceRef?>(ResourceRef.To(address), r.Provenance), update);
        }
    }

    private static string Scope(string address, string type)
    {
        var at = address.LastIndexOf(type + ".", StringComparison.Ordinal);
        return at >= 0 ? address[..at] : "";
    }
}
