using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>KMS keys with their key policies and aliases.</summary>
internal sealed class DataKmsTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_kms_key", Key);
        registry.Primary("aws_kms_external_key", ExternalKey);
        registry.Companion("aws_kms_key_policy", KeyPolicy);
        registry.Companion("aws_kms_alias", Alias);
    }

    private static void Key(IResourceView r, IEstateBuilder estate) => estate.Add(new KmsKey
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Description = r.WrittenOr("description", v => v.String("description"), (string?)""),
        KeyUsage = r.String("key_usage", "ENCRYPT_DECRYPT").Map(s => s ?? "ENCRYPT_DECRYPT"),
        KeySpec = r.String("customer_master_key_spec", "SYMMETRIC_DEFAULT").Map(s => s ?? "SYMMETRIC_DEFAULT"),
        RotationEnabled = r.Bool("enable_key_rotation", false),

        // AWS rotates every 365 days unless a period is given; the plan leaves the attribute unknown.
        RotationPeriodDays = r.WrittenOr("rotation_period_in_days", v => v.OptionalInt("rotation_period_in_days"), (int?)365),
        DeletionWindowDays = r.Int("deletion_window_in_days", 30),
        IsEnabled = r.Bool("is_enabled", true),
        MultiRegion = r.WrittenOr("multi_region", v => v.Bool("multi_region", false), false),
        Policy = r.WrittenPolicy("policy"),
        PolicyDefined = r.IsWritten("policy") ? Value.Of(true, r.At("policy")) : Value.Default(false, r.Provenance),
        Origin = Origin(r),
    });

    // A key in a custom key store lives in CloudHSM unless it names an external key (XKS).
    private static Value<string> Origin(IResourceView r) =>
        r.IsWritten("xks_key_id") ? Value.Of("EXTERNAL_KEY_STORE", r.At("xks_key_id"))
        : r.IsWritten("custom_key_store_id") ? Value.Of("AWS_CLOUDHSM", r.At("custom_key_store_id"))
        : Value.Default("AWS_KMS", r.Provenance);

    // Imported key material: KMS cannot rotate it automatically.
    private static void ExternalKey(IResourceView r, IEstateBuilder estate) => estate.Add(new KmsKey
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Description = r.WrittenOr("description", v => v.String("description"), (string?)""),
        KeyUsage = r.WrittenOr("key_usage", v => v.String("key_usage", "ENCRYPT_DECRYPT").Map(s => s ?? "ENCRYPT_DECRYPT"), "ENCRYPT_DECRYPT"),
        KeySpec = r.WrittenOr("key_spec", v => v.String("key_spec", "SYMMETRIC_DEFAULT").Map(s => s ?? "SYMMETRIC_DEFAULT"), "SYMMETRIC_DEFAULT"),
        RotationEnabled = Value.Default(false, r.Provenance),
        RotationPeriodDays = Value.Default<int?>(null, r.Provenance),
        DeletionWindowDays = r.Int("deletion_window_in_days", 30),
        IsEnabled = r.WrittenOr("enabled", v => v.Bool("enabled", true), true),
        MultiRegion = r.WrittenOr("multi_region", v => v.Bool("multi_region", false), false),
        Policy = r.WrittenPolicy("policy"),
        PolicyDefined = r.IsWritten("policy") ? Value.Of(true, r.At("policy")) : Value.Default(false, r.Provenance),
        Origin = Value.Of("EXTERNAL", r.Provenance),
    });

    private static void KeyPolicy(IResourceView r, IEstateBuilder estate) =>
        estate.Join<KmsKey>(r, r.Ref("key_id"), k => k with
        {
            Policy = r.Policy("policy"),
            PolicyDefined = Value.Of(true, r.At("policy")),
        });

    private static void Alias(IResourceView r, IEstateBuilder estate)
    {
        var name = r.String("name").GetOrDefault();
        estate.Join<KmsKey>(r, r.Ref("target_key_id"), k => name is null ? k : k with { Aliases = [.. k.Aliases, name] });
    }
}
