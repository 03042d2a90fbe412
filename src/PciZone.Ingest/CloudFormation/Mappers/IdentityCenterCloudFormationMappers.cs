using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>IAM Identity Center permission sets (policies written on the set) and assignments.</summary>
internal sealed class IdentityCenterCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::SSO::PermissionSet", PermissionSet);
        registry.Primary("AWS::SSO::Assignment", Assignment);
    }

    private static void PermissionSet(IResourceView r, IEstateBuilder estate) => estate.Add(new PermissionSet
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("Tags"),
        Name = r.String("Name"),
        SessionDuration = r.String("SessionDuration", "PT1H"),
        ManagedPolicies = r.Has("ManagedPolicies") ? IdentityJoins.RefList(r, "ManagedPolicies") : [],
        InlinePolicy = r.Policy("InlinePolicy"),
    });

    private static void Assignment(IResourceView r, IEstateBuilder estate) => estate.Add(new AccountAssignment
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        PermissionSet = r.Ref("PermissionSetArn"),
        PrincipalType = r.String("PrincipalType"),
        Target = r.Ref("TargetId"),
    });
}
