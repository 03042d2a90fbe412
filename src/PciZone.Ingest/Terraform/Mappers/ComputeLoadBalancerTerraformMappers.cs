using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// Load balancers and listeners from a Terraform plan. A classic ELB's listener blocks become
/// Listener resources of their own (<c>&lt;elb&gt;.listener[i]</c>) so that one rule judges every listener.
/// </summary>
internal sealed class ComputeLoadBalancerTerraformMappers : ITerraformMappers
{
    /// <summary>The policy AWS applies to an HTTPS/TLS listener created without one.</summary>
    internal const string AwsDefaultSslPolicy = "ELBSecurityPolicy-2016-08";

    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_lb", LoadBalancer);
        registry.Primary("aws_alb", LoadBalancer);
        registry.Primary("aws_lb_listener", Listener);
        registry.Primary("aws_alb_listener", Listener);
        registry.Primary("aws_elb", Classic);
    }

    private static void LoadBalancer(IResourceView r, IEstateBuilder e)
    {
        var logs = r.Block("access_logs");
        var kind = r.TextOrDefault("load_balancer_type", "application");
        e.Add(new LoadBalancer
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Kind = kind,
            DesyncMitigationMode = kind.GetOrDefault() is "network" or "gateway"
                ? Value.Default<string?>(null, r.At("desync_mitigation_mode"))
                : Desync(r, "desync_mitigation_mode"),
            Internal = r.BoolOrDefault("internal", false),
            DropInvalidHeaderFields = r.BoolOrDefault("drop_invalid_header_fields", false),
            DeletionProtection = r.BoolOrDefault("enable_deletion_protection", false),
            AccessLogsEnabled = logs is null ? Value.Default(false, r.At("access_logs")) : logs.BoolOrDefault("enabled", false),
            SecurityGroups = r.RefsOrEmpty("security_groups"),
            ElasticIps = NetworkTargetsTerraformMappers.MappedElasticIps(r),
            Subnets = r.IsWritten("subnet_mapping")
                ? Value.Of<IReadOnlyList<ResourceRef>>(
                    r.Blocks("subnet_mapping").Select(b => b.Ref("subnet_id").GetOrDefault()).OfType<ResourceRef>().ToList(), r.At("subnet_mapping"))
                : r.RefsOrEmpty("subnets"),
        });
    }

    private static void Listener(IResourceView r, IEstateBuilder e)
    {
        // protocol is computed when unset: HTTP on an application LB, GENEVE on a gateway LB. The
        // mapper cannot see the LB's kind, so it leaves the protocol unknown for the rule to resolve.
        var protocol = r.IsWritten("protocol") || r.String("protocol").IsKnown
            ? r.String("protocol", "HTTP").Map(s => (s ?? "HTTP").ToUpperInvariant())
            : Value.Unknown<string>("protocol is not set: HTTP on an application load balancer, GENEVE on a gateway load balancer", r.At("protocol"));
        e.Add(new Listener
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            LoadBalancer = r.Ref("load_balancer_arn"),
            Port = r.IntOrDefault("port", 0),
            Protocol = protocol,
            SslPolicy = SslPolicy(r, "ssl_policy", protocol),
            CertificateArn = r.OptionalTextOrDefault("certificate_arn"),
            Certificate = r.RefOrNull("certificate_arn"),
            DefaultTargetGroups = NetworkTargetsTerraformMappers.ForwardTargets(r),
            RedirectsToHttps = Value.Of(
                r.Blocks("default_action").Any(a =>
                    a.String("type").GetOrDefault() == "redirect" &&
                    string.Equals(a.String("redirect.protocol").GetOrDefault(), "HTTPS", StringComparison.OrdinalIgnoreCase)),
                r.At("default_action")),
        });
    }

    /// <summary>A desync mitigation mode, lower-case; AWS applies <c>defensive</c> when it is not set.</summary>
    internal static Value<string?> Desync(IResourceView r, string path) =>
        r.TextOrDefault(path, "defensive").Map<string?>(s => s.ToLowerInvariant());

    /// <summary>The listener's policy; for a TLS listener without one, AWS's default policy.</summary>
    internal static Value<string?> SslPolicy(IResourceView r, string path, Value<string> protocol)
    {
        var v = r.String(path);
        if (v.IsKnown && !string.IsNullOrEmpty(v.Get()))
        {
            return v;
        }

        if (v.IsUnknown && r.IsWritten(path))
        {
            return v;
        }

        return protocol.GetOrDefault() is "HTTPS" or "TLS" or "SSL"
            ? Value.Default<string?>(AwsDefaultSslPolicy, r.At(path))
            : Value.Default<string?>(null, r.At(path));
    }

    private static void Classic(IResourceView r, IEstateBuilder e)
    {
        var logs = r.Block("access_logs");
        e.Add(new LoadBalancer
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Kind = Value.Of("classic", r.Provenance),
            DesyncMitigationMode = Desync(r, "desync_mitigation_mode"),
            Internal = r.BoolOrDefault("internal", false),
            DropInvalidHeaderFields = Value.Default(false, r.Provenance),
            DeletionProtection = Value.Default(false, r.Provenance),

            // Inside an access_logs block, "enabled" defaults to true.
            AccessLogsEnabled = logs is null ? Value.Default(false, r.At("access_logs")) : logs.BoolOrDefault("enabled", true),
            SecurityGroups = r.RefsOrEmpty("security_groups"),
            Subnets = r.RefsOrEmpty("subnets"),
            ElasticIps = Value.Default<IReadOnlyList<ResourceRef>>([], r.Provenance),
        });

        var lb = Value.Of<ResourceRef?>(ResourceRef.To(r.Address), r.Provenance);
        var i = 0;
        foreach (var block in r.Blocks("listener"))
        {
            var protocol = block.TextOrDefault("lb_protocol", "HTTP").Map(s => s.ToUpperInvariant());
            e.Add(new Listener
            {
                Address = $"{r.Address}.listener[{i++}]", SourceType = r.Type, Provenance = block.Provenance,
                LoadBalancer = lb,
                Port = block.Int("lb_port", 0),
                Protocol = protocol,

                // Terraform sets classic policies through aws_load_balancer_listener_policy, which is not read yet.
                SslPolicy = protocol.GetOrDefault() is "HTTPS" or "SSL"
                    ? Value.Default<string?>(AwsDefaultSslPolicy, block.Provenance)
                    : Value.Default<string?>(null, block.Provenance),
                CertificateArn = block.OptionalTextOrDefault("ssl_certificate_id"),
                Certificate = block.RefOrNull("ssl_certificate_id"),
                RedirectsToHttps = Value.Default(false, block.Provenance),
                DefaultTargetGroups = Value.Default<IReadOnlyList<ResourceRef>>([], block.Provenance),
            });
        }
    }
}
