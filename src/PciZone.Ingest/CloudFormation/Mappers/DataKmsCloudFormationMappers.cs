using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>KMS keys and aliases.</summary>
internal sealed class DataKmsCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::KMS::Key", Key);
        registry.Companion("AWS::KMS::Alias", Alias);
    }

    private static void Key(IResourceView r, IEstateBuilder estate) => estate.Add(new KmsKey
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("Tags"),
        Description = r.String("Description", ""),
        KeyUsage = r.String("KeyUsage", "ENCRYPT_DECRYPT").Map(s => s ?? "ENCRYPT_DECRYPT"),
        KeySpec = r.String("KeySpec", "SYMMETRIC_DEFAULT").Map(s => s ?? "SYMMETRIC_DEFAULT"),
        RotationEnabled = r.Bool("EnableKeyRotation", false),
        RotationPeriodDays = r.Has("RotationPeriodInDays")
            ? r.OptionalInt("RotationPeriodInDays")
            : Value.Default<int?>(365, r.Provenance),
        DeletionWindowDays = r.Int("PendingWindowInDays", 30),
        IsEnabled = r.Bool("Enabled", true),
        MultiRegion = r.Bool("MultiRegion", false),

        // Without KeyPolicy, KMS attaches the default key policy (account root has full access).
        Policy = r.WrittenPolicy("KeyPolicy"),
        PolicyDefined = r.IsWritten("KeyPolicy") ? Value.Of(true, r.At("KeyPolicy")) : Value.Default(false, r.Provenance),
        Origin = r.String("Origin", "AWS_KMS").Map(s => s ?? "AWS_KMS"),
    });

    private static void Alias(IResourceView r, IEstateBuilder estate)
    {
        var name = r.String("AliasName").GetOrDefault();
        estate.Join<KmsKey>(r, r.Ref("TargetKeyId"), k => name is null ? k : k with { Aliases = [.. k.Aliases, name] });
    }
}
