using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// API Gateway REST APIs, stages (joined with <c>aws_api_gateway_method_settings</c>), methods and
/// domain names, and their API Gateway v2 counterparts, from a Terraform plan.
/// </summary>
internal sealed class EdgeApiGatewayTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_api_gateway_rest_api", (r, e) => e.Add(new ApiGatewayRestApi
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            EndpointTypes = r.IsWritten("endpoint_configuration")
                ? r.Strings("endpoint_configuration.types")
                : Value.Default<IReadOnlyList<string>>(["EDGE"], r.Provenance),
        }));
        registry.Primary("aws_api_gateway_stage", RestStage);
        registry.Primary("aws_apigatewayv2_stage", V2Stage);
        registry.Companion("aws_api_gateway_method_settings", MethodSettings);
        registry.Primary("aws_api_gateway_method", (r, e) => e.Add(new ApiGatewayMethod
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Kind = "rest",
            Method = r.String("http_method"),
            Authorization = r.String("authorization", "NONE").Map(s => s ?? "NONE"),
            ApiKeyRequired = r.Bool("api_key_required", false),
            RequestValidator = r.OptionalRef("request_validator_id"),
        }));
        registry.Primary("aws_apigatewayv2_route", (r, e) => e.Add(new ApiGatewayMethod
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Kind = "v2",
            Method = r.String("route_key"),
            Authorization = r.String("authorization_type", "NONE").Map(s => s ?? "NONE"),
            ApiKeyRequired = r.Bool("api_key_required", false),
            RequestValidator = Value.Default<ResourceRef?>(null, r.Provenance),
        }));
        registry.Primary("aws_api_gateway_domain_name", (r, e) => e.Add(new ApiGatewayDomainName
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            SecurityPolicy = r.WrittenOr("security_policy", x => x.String("security_policy").Map(s => s ?? "TLS_1_0"), "TLS_1_0"),
        }));
        registry.Primary("aws_apigatewayv2_domain_name", (r, e) => e.Add(new ApiGatewayDomainName
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            SecurityPolicy = r.String("domain_name_configuration.security_policy", "TLS_1_2").Map(s => s ?? "TLS_1_2"),
        }));
    }

    private static void RestStage(IResourceView r, IEstateBuilder estate)
    {
        var none = r.Provenance;
        estate.Add(new ApiGatewayStage
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"), Kind = "rest",
            Api = r.Ref("rest_api_id"),
            StageName = r.String("stage_name"),
            AccessLogDestination = r.Block("access_log_settings") is { } log ? log.Ref("destination_arn") : Value.Default<ResourceRef?>(null, none),
            AccessLogFormat = r.Block("access_log_settings") is { } fmt ? fmt.String("format") : Value.Default<string?>(null, none),
            XRayTracing = r.Bool("xray_tracing_enabled", false),
            ClientCertificate = r.OptionalRef("client_certificate_id"),
            CacheClusterEnabled = r.Bool("cache_cluster_enabled", false),
            MethodSettings = Value.Default<IReadOnlyList<ApiGatewayMethodSetting>>([], none),
            Variables = Value.Of(r.Tags("variables"), r.At("variables")),
        });
    }

    private static void V2Stage(IResourceView r, IEstateBuilder estate)
    {
        var none = r.Provenance;
        estate.Add(new ApiGatewayStage
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"), Kind = "v2",
            Api = r.Ref("api_id"),
            StageName = r.String("name"),
            AccessLogDestination = r.Block("access_log_settings") is { } log ? log.Ref("destination_arn") : Value.Default<ResourceRef?>(null, none),
            AccessLogFormat = r.Block("access_log_settings") is { } fmt ? fmt.String("format") : Value.Default<string?>(null, none),
            XRayTracing = Value.Default(false, none),
            ClientCertificate = Value.Default<ResourceRef?>(null, none),
            CacheClusterEnabled = Value.Default(false, none),
            MethodSettings = Value.Default<IReadOnlyList<ApiGatewayMethodSetting>>([], none),
            Variables = Value.Of(r.Tags("stage_variables"), r.At("stage_variables")),
        });
    }

    // The stage is named by reference (stage_name = aws_api_gateway_stage.x.stage_name) or by a
    // literal name, which is only unique together with the API.
    private static void MethodSettings(IResourceView r, IEstateBuilder estate)
    {
        var target = r.Ref("stage_name");
        if (target.TryGet(out var reference) && reference is { Address: null, Literal: { } name })
        {
            var api = r.Ref("rest_api_id").GetOrDefault();
            var stage = estate.Existing<ApiGatewayStage>().FirstOrDefault(s =>
                s.Kind == "rest" && s.StageName.GetOrDefault() == name && s.Api.GetOrDefault() == api);
            if (stage is not null)
            {
                target = Value.Of<ResourceRef?>(ResourceRef.To(stage.Address), target.Source);
            }
        }

        var s = r.Block("settings");
        var setting = new ApiGatewayMethodSetting(
            r.String("method_path").GetOrDefault() ?? "*/*",
            s is null ? Value.Default("OFF", r.Provenance) : s.WrittenOr("logging_level", x => x.String("logging_level").Map(v => v ?? "OFF"), "OFF"),
            s is null ? Value.Default(false, r.Provenance) : s.WrittenOr("data_trace_enabled", x => x.Bool("data_trace_enabled", false), false),
            s is null ? Value.Default(false, r.Provenance) : s.WrittenOr("caching_enabled", x => x.Bool("caching_enabled", false), false),
            s is null ? Value.Default(false, r.Provenance) : s.WrittenOr("cache_data_encrypted", x => x.Bool("cache_data_encrypted", false), false));
        estate.Join<ApiGatewayStage>(r, target, st => st with
        {
            MethodSettings = Value.Of<IReadOnlyList<ApiGatewayMethodSetting>>([.. st.MethodSettings.GetOrDefault([])!, setting], r.Provenance),
        });
    }
}
