using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>Lambda functions, their permissions (resource policy statements) and function URLs from a Terraform plan.</summary>
internal sealed class ServerlessLambdaTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_lambda_function", (r, e) => e.Add(new LambdaFunction
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            FunctionName = r.String("function_name"),
            PackageType = r.TextOrDefault("package_type", "Zip"),
            Runtime = r.OptionalTextOrDefault("runtime").Map(s => string.IsNullOrEmpty(s) ? null : s),
            VpcSubnets = r.Block("vpc_config") is not null ? r.RefsOrEmpty("vpc_config.subnet_ids") : Value.Default<IReadOnlyList<ResourceRef>>([], r.Provenance),
            VpcSecurityGroups = r.Block("vpc_config") is not null ? r.RefsOrEmpty("vpc_config.security_group_ids") : Value.Default<IReadOnlyList<ResourceRef>>([], r.Provenance),

            // Variables whose value is computed at apply are left out: the view reads known map values only.
            Environment = Value.Of<IReadOnlyList<EnvironmentVariable>>(
                r.Tags("environment.variables").Select(kv => new EnvironmentVariable(kv.Key, Value.Of<string?>(kv.Value, r.At("environment.variables")))).ToList(),
                r.At("environment")),
            KmsKey = r.RefOrNull("kms_key_arn"),
            CodeSigningConfig = r.RefOrNull("code_signing_config_arn"),
        }));
        registry.Primary("aws_lambda_permission", (r, e) => e.Add(new LambdaPermission
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Function = r.RefOrNull("function_name"),
            Action = r.String("action"),
            Principal = r.String("principal"),
            SourceArn = r.RefOrNull("source_arn"),
            SourceAccount = r.OptionalTextOrDefault("source_account"),
            PrincipalOrgId = r.OptionalTextOrDefault("principal_org_id"),
            FunctionUrlAuthType = r.OptionalTextOrDefault("function_url_auth_type"),
        }));
        registry.Primary("aws_lambda_code_signing_config", (r, e) => e.Add(new LambdaCodeSigningConfig
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            UntrustedArtifactOnDeployment = r.Block("policies") is not null
                ? r.TextOrDefault("policies.untrusted_artifact_on_deployment", "Warn")
                : Value.Default("Warn", r.Provenance),
        }));
        registry.Primary("aws_lambda_function_url", (r, e) => e.Add(new LambdaFunctionUrl
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Function = r.RefOrNull("function_name"),
            AuthType = r.String("authorization_type"),
        }));
    }
}
