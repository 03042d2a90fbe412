using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>API Gateway REST APIs, stages, methods and domain names, and their v2 counterparts, from a template.</summary>
internal sealed class EdgeApiGatewayCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::ApiGateway::RestApi", (r, e) => e.Add(new ApiGatewayRestApi
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            EndpointTypes = r.IsWritten("EndpointConfiguration.Types")
                ? r.Strings("EndpointConfiguration.Types")
                : Value.Default<IReadOnlyList<string>>(["EDGE"], r.Provenance),
        }));
        registry.Primary("AWS::ApiGateway::Stage", RestStage);
        registry.Primary("AWS::ApiGatewayV2::Stage", (r, e) => e.Add(new ApiGatewayStage
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"), Kind = "v2",
            Api = r.Ref("ApiId"),
            StageName = r.String("StageName"),
            AccessLogDestination = r.Ref("AccessLogSettings.DestinationArn"),
            AccessLogFormat = r.String("AccessLogSettings.Format"),
            XRayTracing = Value.Default(false, r.Provenance),
            ClientCertificate = Value.Default<ResourceRef?>(null, r.Provenance),
            CacheClusterEnabled = Value.Default(false, r.Provenance),
            MethodSettings = Value.Default<IReadOnlyList<ApiGatewayMethodSetting>>([], r.Provenance),
            Variables = Value.Of(r.Tags("StageVariables"), r.At("StageVariables")),
        }));
        registry.Primary("AWS::ApiGateway::Method", (r, e) => e.Add(new ApiGatewayMethod
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Kind = "rest",
            Method = r.String("HttpMethod"),
            Authorization = r.String("AuthorizationType", "NONE").Map(s => s ?? "NONE"),
            ApiKeyRequired = r.Bool("ApiKeyRequired", false),
            RequestValidator = r.OptionalRef("RequestValidatorId"),
        }));
        registry.Primary("AWS::ApiGatewayV2::Route", (r, e) => e.Add(new ApiGatewayMethod
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Kind = "v2",
            Method = r.String("RouteKey"),
            Authorization = r.String("AuthorizationType", "NONE").Map(s => s ?? "NONE"),
            ApiKeyRequired = r.Bool("ApiKeyRequired", false),
            RequestValidator = Value.Default<ResourceRef?>(null, r.Provenance),
        }));
        registry.Primary("AWS::ApiGateway::DomainName", (r, e) => e.Add(new ApiGatewayDomainName
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            SecurityPolicy = r.String("SecurityPolicy", "TLS_1_0").Map(s => s ?? "TLS_1_0"),
        }));
        registry.Primary("AWS::ApiGatewayV2::DomainName", (r, e) => e.Add(new ApiGatewayDomainName
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            SecurityPolicy = r.String("DomainNameConfigurations.SecurityPolicy", "TLS_1_2").Map(s => s ?? "TLS_1_2"),
        }));
    }

    private static void RestStage(IResourceView r, IEstateBuilder estate) => estate.Add(new ApiGatewayStage
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"), Kind = "rest",
        Api = r.Ref("RestApiId"),
        StageName = r.String("StageName"),
        AccessLogDestination = r.Ref("AccessLogSetting.DestinationArn"),
        AccessLogFormat = r.String("AccessLogSetting.Format"),
        XRayTracing = r.Bool("TracingEnabled", false),
        ClientCertificate = r.OptionalRef("ClientCertificateId"),
        CacheClusterEnabled = r.Bool("CacheClusterEnabled", false),
        MethodSettings = Value.Of<IReadOnlyList<ApiGatewayMethodSetting>>(r.Blocks("MethodSettings").Select(m => new ApiGatewayMethodSetting(
            MethodPath(m.String("ResourcePath").GetOrDefault(), m.String("HttpMethod").GetOrDefault()),
            m.String("LoggingLevel", "OFF").Map(s => s ?? "OFF"),
            m.Bool("DataTraceEnabled", false),
            m.Bool("CachingEnabled", false),
            m.Bool("CacheDataEncrypted", false))).ToList(), r.At("MethodSettings")),
        Variables = Value.Of(r.Tags("Variables"), r.At("Variables")),
    });

    // The Terraform method_path form: "*/*" for every method, else "{resource path}/{method}".
    private static string MethodPath(string? resourcePath, string? httpMethod) =>
        resourcePath is null or "/*" && httpMethod is null or "*" ? "*/*" : $"{(resourcePath ?? "/*").TrimStart('/')}/{httpMethod ?? "*"}";
}
