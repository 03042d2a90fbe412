using PciZone.Estate;
using PciZone.Ingest.Terraform.Mappers;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>
/// Elastic Load Balancing v2 load balancers and listeners, and classic load balancers whose
/// Listeners become Listener resources (<c>&lt;logical id&gt;.listener[i]</c>), from a CloudFormation template.
/// </summary>
internal sealed class ComputeLoadBalancerCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::ElasticLoadBalancingV2::LoadBalancer", LoadBalancer);
        registry.Primary("AWS::ElasticLoadBalancingV2::Listener", Listener);
        registry.Primary("AWS::ElasticLoadBalancing::LoadBalancer", Classic);
    }

    private static void LoadBalancer(IResourceView r, IEstateBuilder e)
    {
        Value<bool> Attribute(string key, bool awsDefault)
        {
            var item = r.Blocks("LoadBalancerAttributes").LastOrDefault(a => a.String("Key").GetOrDefault() == key);
            return item is null ? Value.Default(awsDefault, r.At("LoadBalancerAttributes")) : item.Bool("Value", awsDefault);
        }

        var kind = r.TextOrDefault("Type", "application");
        var desync = r.Blocks("LoadBalancerAttributes").LastOrDefault(a => a.String("Key").GetOrDefault() == "routing.http.desync_mitigation_mode");
        e.Add(new LoadBalancer
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Kind = kind,
            DesyncMitigationMode = kind.GetOrDefault() is "network" or "gateway" ? Value.Default<string?>(null, r.At("LoadBalancerAttributes"))
                : desync is null ? Value.Default<string?>("defensive", r.At("LoadBalancerAttributes"))
                : ComputeLoadBalancerTerraformMappers.Desync(desync, "Value"),
            Internal = r.TextOrDefault("Scheme", "internet-facing").Map(s => s == "internal"),
            DropInvalidHeaderFields = Attribute("routing.http.drop_invalid_header_fields.enabled", false),
            DeletionProtection = Attribute("deletion_protection.enabled", false),
            AccessLogsEnabled = Attribute("access_logs.s3.enabled", false),
            SecurityGroups = r.RefsOrEmpty("SecurityGroups"),
            ElasticIps = NetworkTargetsCloudFormationMappers.MappedElasticIps(r),
            Subnets = r.Has("SubnetMappings")
                ? Value.Of<IReadOnlyList<ResourceRef>>(
                    r.Blocks("SubnetMappings").Select(b => b.Ref("SubnetId").GetOrDefault()).OfType<ResourceRef>().ToList(), r.At("SubnetMappings"))
                : r.RefsOrEmpty("Subnets"),
        });
    }

    private static void Listener(IResourceView r, IEstateBuilder e)
    {
        var protocol = r.Has("Protocol")
            ? r.String("Protocol").Map(s => (s ?? "").ToUpperInvariant())
            : Value.Unknown<string>("Protocol is not set: only a gateway load balancer listener may omit it", r.At("Protocol"));
        e.Add(new Listener
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            LoadBalancer = r.Ref("LoadBalancerArn"),
            Port = r.Int("Port", 0),
            Protocol = protocol,
            SslPolicy = ComputeLoadBalancerTerraformMappers.SslPolicy(r, "SslPolicy", protocol),
            CertificateArn = r.Block("Certificates") is { } cert ? cert.String("CertificateArn") : Value.Default<string?>(null, r.At("Certificates")),
            Certificate = r.Block("Certificates") is { } c ? c.RefOrNull("CertificateArn") : Value.Default<ResourceRef?>(null, r.At("Certificates")),
            DefaultTargetGroups = NetworkTargetsCloudFormationMappers.ForwardTargets(r),
            RedirectsToHttps = Value.Of(
                r.Blocks("DefaultActions").Any(a =>
                    string.Equals(a.String("Type").GetOrDefault(), "redirect", StringComparison.OrdinalIgnoreCase) &&
                    string.Equals(a.String("RedirectConfig.Protocol").GetOrDefault(), "HTTPS", StringComparison.OrdinalIgnoreCase)),
                r.At("DefaultActions")),
        });
    }

    private static void Classic(IResourceView r, IEstateBuilder e)
    {
        e.Add(new LoadBalancer
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Kind = Value.Of("classic", r.Provenance),

            // CloudFormation has no property for it; AWS applies defensive.
            DesyncMitigationMode = Value.Default<string?>("defensive", r.Provenance),
            Internal = r.TextOrDefault("Scheme", "internet-facing").Map(s => s == "internal"),
            DropInvalidHeaderFields = Value.Default(false, r.Provenance),
            DeletionProtection = Value.Default(false, r.Provenance),
            AccessLogsEnabled = r.Has("AccessLoggingPolicy") ? r.Bool("AccessLoggingPolicy.Enabled", false) : Value.Default(false, r.At("AccessLoggingPolicy")),
            SecurityGroups = r.RefsOrEmpty("SecurityGroups"),
            Subnets = r.RefsOrEmpty("Subnets"),
            ElasticIps = Value.Default<IReadOnlyList<ResourceRef>>([], r.Provenance),
        });

        // Predefined policies are referenced through an SSLNegotiationPolicyType policy's
        // Reference-Security-Policy attribute; a listener naming none gets AWS's default.
        var references = r.Blocks("Policies")
            .Where(p => p.String("PolicyType").GetOrDefault() == "SSLNegotiationPolicyType")
            .DistinctBy(p => p.String("PolicyName").GetOrDefault() ?? "")
            .ToDictionary(
                p => p.String("PolicyName").GetOrDefault() ?? "",
                p => p.Blocks("Attributes").FirstOrDefault(a => a.String("Name").GetOrDefault() == "Reference-Security-Policy") is { } a
                    ? a.String("Value")
                    : Value.Of<string?>(p.String("PolicyName").GetOrDefault(), p.Provenance),
                StringComparer.Ordinal);
        var lb = Value.Of<ResourceRef?>(ResourceRef.To(r.Address), r.Provenance);
        var i = 0;
        foreach (var block in r.Blocks("Listeners"))
        {
            var protocol = block.TextOrDefault("Protocol", "HTTP").Map(s => s.ToUpperInvariant());
            var named = block.Strings("PolicyNames").GetOrDefault([])!.FirstOrDefault(references.ContainsKey);
            e.Add(new Listener
            {
                Address = $"{r.Address}.listener[{i++}]", SourceType = r.Type, Provenance = block.Provenance,
                LoadBalancer = lb,
                Port = block.Int("LoadBalancerPort", 0),
                Protocol = protocol,
                SslPolicy = named is not null ? references[named]
                    : protocol.GetOrDefault() is "HTTPS" or "SSL" ? Value.Default<string?>(ComputeLoadBalancerTerraformMappers.AwsDefaultSslPolicy, block.Provenance)
                    : Value.Default<string?>(null, block.Provenance),
                CertificateArn = block.OptionalTextOrDefault("SSLCertificateId"),
                Certificate = block.RefOrNull("SSLCertificateId"),
                RedirectsToHttps = Value.Default(false, block.Provenance),
                DefaultTargetGroups = Value.Default<IReadOnlyList<ResourceRef>>([], block.Provenance),
            });
        }
    }
}
