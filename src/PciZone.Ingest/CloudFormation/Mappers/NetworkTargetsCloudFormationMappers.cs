using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>
/// Load-balancer target groups, DB subnet groups and Route 53 Resolver query logging from a
/// CloudFormation template, and the listener and load-balancer readings that point into them.
/// </summary>
internal sealed class NetworkTargetsCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::ElasticLoadBalancingV2::TargetGroup", (r, e) => e.Add(new TargetGroup
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            TargetType = r.TextOrDefault("TargetType", "instance"),
            Protocol = r.String("Protocol").Map(s => string.IsNullOrEmpty(s) ? null : s.ToUpperInvariant()),
            Port = r.OptionalInt("Port"),
            Vpc = r.RefOrNull("VpcId"),
            Targets = r.Blocks("Targets").Select(t => new TargetGroupTarget(t.Ref("Id"), t.OptionalInt("Port"), t.Provenance)).ToList(),
        }));
        registry.Primary("AWS::RDS::DBSubnetGroup", SubnetGroup);
        registry.Primary("AWS::DocDB::DBSubnetGroup", SubnetGroup);
        registry.Primary("AWS::Neptune::DBSubnetGroup", SubnetGroup);
        registry.Primary("AWS::Route53Resolver::ResolverQueryLoggingConfig", (r, e) => e.Add(new ResolverQueryLogConfig
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Name = r.String("Name"),
            Destination = r.Ref("DestinationArn"),
        }));
        registry.Primary("AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation", (r, e) => e.Add(new ResolverQueryLogConfigAssociation
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Config = r.Ref("ResolverQueryLogConfigId"),
            Vpc = r.Ref("ResourceId"),
        }));
    }

    /// <summary>Target groups a listener's default actions forward to (<c>TargetGroupArn</c> and <c>ForwardConfig</c>).</summary>
    internal static Value<IReadOnlyList<ResourceRef>> ForwardTargets(IResourceView listener)
    {
        var groups = Value.Of<IReadOnlyList<ResourceRef>>([], listener.At("DefaultActions"));
        foreach (var action in listener.Blocks("DefaultActions"))
        {
            var type = action.String("Type");
            if (type.IsUnknown)
            {
                return Value.Unknown<IReadOnlyList<ResourceRef>>(type.UnknownReason!, type.Source);
            }

            if (!string.Equals(type.Get(), "forward", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (action.Has("TargetGroupArn"))
            {
                groups = NetworkPathJoins.Append(groups, action.Ref("TargetGroupArn"));
            }

            foreach (var weighted in action.Blocks("ForwardConfig.TargetGroups"))
            {
                groups = NetworkPathJoins.Append(groups, weighted.Ref("TargetGroupArn"));
            }
        }

        return groups;
    }

    /// <summary>Elastic IPs named by a load balancer's <c>SubnetMappings</c>.</summary>
    internal static Value<IReadOnlyList<ResourceRef>> MappedElasticIps(IResourceView lb)
    {
        var ips = Value.Of<IReadOnlyList<ResourceRef>>([], lb.At("SubnetMappings"));
        foreach (var mapping in lb.Blocks("SubnetMappings").Where(m => m.Has("AllocationId")))
        {
            ips = NetworkPathJoins.Append(ips, mapping.Ref("AllocationId"));
        }

        return ips;
    }

    private static void SubnetGroup(IResourceView r, IEstateBuilder e) => e.Add(new DbSubnetGroup
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
        Name = r.String("DBSubnetGroupName"),
        Subnets = r.Refs("SubnetIds"),
    });
}
