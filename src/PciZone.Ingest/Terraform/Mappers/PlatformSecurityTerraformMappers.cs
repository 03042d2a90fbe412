using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// Secrets Manager secrets (joined with <c>aws_secretsmanager_secret_rotation</c> and
/// <c>aws_secretsmanager_secret_policy</c>), Inspector, Macie and Systems Manager documents and parameters.
/// </summary>
internal sealed class PlatformSecurityTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_secretsmanager_secret", (r, e) => e.Add(new SecretsManagerSecret
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            KmsKey = r.OptionalRef("kms_key_id"),
            RotationEnabled = Value.Default(false, r.Provenance),
            RotationIntervalDays = Value.Default<int?>(null, r.Provenance),
            Policy = r.WrittenPolicy("policy"),
        }));
        registry.Companion("aws_secretsmanager_secret_rotation", (r, e) =>
            e.Join<SecretsManagerSecret>(r, r.Ref("secret_id"), s => s with
            {
                RotationEnabled = Value.Of(true, r.Provenance),
                RotationIntervalDays = RotationDays(r),
            }, s => s.Name.GetOrDefault()));
        registry.Companion("aws_secretsmanager_secret_policy", (r, e) =>
            e.Join<SecretsManagerSecret>(r, r.Ref("secret_arn"), s => s with { Policy = r.Policy("policy") }, s => s.Name.GetOrDefault()));

        registry.Primary("aws_inspector2_enabler", (r, e) => e.Add(new InspectorEnabler
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            ResourceTypes = r.Strings("resource_types"),
            AccountIds = r.Strings("account_ids"),
        }));
        registry.Primary("aws_inspector2_organization_configuration", (r, e) => e.Add(new InspectorOrganizationConfiguration
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            AutoEnableEc2 = r.Bool("auto_enable.ec2", false),
            AutoEnableEcr = r.Bool("auto_enable.ecr", false),
            AutoEnableLambda = r.WrittenOr("auto_enable.lambda", v => v.Bool("auto_enable.lambda", false), false),
            AutoEnableLambdaCode = r.WrittenOr("auto_enable.lambda_code", v => v.Bool("auto_enable.lambda_code", false), false),
        }));
        registry.Primary("aws_macie2_account", (r, e) => e.Add(new MacieAccount
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Status = r.WrittenOr("status", v => v.String("status"), (string?)"ENABLED"),
        }));

        registry.Primary("aws_ssm_document", (r, e) => e.Add(new SsmDocument
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            DocumentType = r.String("document_type"),
            SharedWith = SharedWith(r),
            SessionPreferences = r.String("document_type") is { IsKnown: true } type && type.Get() != "Session"
                ? Value.Default<SessionManagerPreferences?>(null, r.Provenance)
                : PlatformReading.SessionPreferences(r, null, r.String("content"), "content"),
        }));
        registry.Primary("aws_ssm_parameter", (r, e) => e.Add(new SsmParameter
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            Type = r.String("type"),
            KmsKey = r.WrittenOr("key_id", v => v.OptionalRef("key_id"), (ResourceRef?)null),
        }));
    }

    private static Value<int?> RotationDays(IResourceView r)
    {
        var schedule = r.String("rotation_rules.schedule_expression");
        if (schedule.IsUnknown)
        {
            return Value.Unknown<int?>(schedule.UnknownReason ?? "unknown", schedule.Source);
        }

        if (schedule.Get() is { Length: > 0 } expression)
        {
            return PlatformReading.ScheduleIntervalDays(expression) is { } days
                ? Value.Of<int?>(days, schedule.Source)
                : Value.Unknown<int?>($"schedule '{expression}' has no fixed interval", schedule.Source);
        }

        return r.OptionalInt("rotation_rules.automatically_after_days");
    }

    // permissions = { type = "Share", account_ids = "All" | "111122223333,444455556666" }
    private static Value<IReadOnlyList<string>> SharedWith(IResourceView r)
    {
        if (!r.IsWritten("permissions"))
        {
            return Value.Default<IReadOnlyList<string>>([], r.Provenance);
        }

        var ids = r.String("permissions.account_ids");
        return ids.Map<IReadOnlyList<string>>(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
