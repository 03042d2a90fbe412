using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// Where traffic and queries land inside a VPC, from a Terraform plan: load-balancer target groups with
/// their attachments, DB subnet groups, and Route 53 Resolver query logging. Also the listener and load
/// balancer readings that point into them.
/// </summary>
internal sealed class NetworkTargetsTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_lb_target_group", TargetGroup);
        registry.Primary("aws_alb_target_group", TargetGroup);
        registry.Companion("aws_lb_target_group_attachment", Attachment);
        registry.Companion("aws_alb_target_group_attachment", Attachment);
        registry.Primary("aws_db_subnet_group", SubnetGroup);
        registry.Primary("aws_docdb_subnet_group", SubnetGroup);
        registry.Primary("aws_neptune_subnet_group", SubnetGroup);
        registry.Primary("aws_route53_resolver_query_log_config", (r, e) => e.Add(new ResolverQueryLogConfig
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            Destination = r.Ref("destination_arn"),
        }));
        registry.Primary("aws_route53_resolver_query_log_config_association", (r, e) => e.Add(new ResolverQueryLogConfigAssociation
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Config = r.Ref("resolver_query_log_config_id"),
            Vpc = r.Ref("resource_id"),
        }));
    }

    /// <summary>
    /// Target groups that a listener's default actions forward to: <c>target_group_arn</c> of a forward
    /// action and every group of its weighted <c>forward</c> block.
    /// </summary>
    internal static Value<IReadOnlyList<ResourceRef>> ForwardTargets(IResourceView listener)
    {
        var groups = Value.Of<IReadOnlyList<ResourceRef>>([], listener.At("default_action"));
        foreach (var action in listener.Blocks("default_action"))
        {
            var type = action.String("type");
            if (type.IsUnknown)
            {
                return Value.Unknown<IReadOnlyList<ResourceRef>>("a default action's type is known only after apply", type.Source);
            }

            if (!string.Equals(type.Get(), "forward", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (action.IsWritten("target_group_arn") || action.String("target_group_arn").GetOrDefault() is { Length: > 0 })
            {
                groups = NetworkPathJoins.Append(groups, action.Ref("target_group_arn"));
            }

            foreach (var weighted in action.Blocks("forward").SelectMany(f => f.Blocks("target_group")))
            {
                groups = NetworkPathJoins.Append(groups, weighted.Ref("arn"));
            }
        }

        return groups;
    }

    /// <summary>Elastic IPs named by a load balancer's subnet mappings.</summary>
    internal static Value<IReadOnlyList<ResourceRef>> MappedElasticIps(IResourceView lb)
    {
        var ips = Value.Of<IReadOnlyList<ResourceRef>>([], lb.At("subnet_mapping"));
        foreach (var mapping in lb.Blocks("subnet_mapping"))
        {
            if (mapping.IsWritten("allocation_id") || mapping.String("allocation_id").GetOrDefault() is { Length: > 0 })
            {
                ips = NetworkPathJoins.Append(ips, mapping.Ref("allocation_id"));
            }
        }

        return ips;
    }

    private static void TargetGroup(IResourceView r, IEstateBuilder e) => e.Add(new TargetGroup
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        TargetType = r.TextOrDefault("target_type", "instance"),
        Protocol = r.OptionalTextOrDefault("protocol").Map(s => string.IsNullOrEmpty(s) ? null : s.ToUpperInvariant()),
        Port = r.OptionalInt("port"),
        Vpc = r.RefOrNull("vpc_id"),
    });

    private static void Attachment(IResourceView r, IEstateBuilder e)
    {
        var target = new TargetGroupTarget(r.Ref("target_id"), r.OptionalInt("port"), r.Provenance);
        e.Join<TargetGroup>(r, r.Ref("target_group_arn"), g => g with { Targets = [.. g.Targets, target] });
    }

    private static void SubnetGroup(IResourceView r, IEstateBuilder e) => e.Add(new DbSubnetGroup
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        Name = r.String("name"),
        Subnets = r.Refs("subnet_ids"),
    });
}
