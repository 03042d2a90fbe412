using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>DB parameter groups and DB cluster parameter groups.</summary>
internal sealed class DataRdsParametersTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_db_parameter_group", (r, e) => e.Add(Group(r, forCluster: false)));
        registry.Primary("aws_rds_cluster_parameter_group", (r, e) => e.Add(Group(r, forCluster: true)));
    }

    private static RdsParameterGroup Group(IResourceView r, bool forCluster)
    {
        var parameters = new Dictionary<string, Value<string?>>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in r.Blocks("parameter"))
        {
            if (p.String("name").GetOrDefault() is { Length: > 0 } name)
            {
                parameters[name] = p.String("value");
            }
        }

        return new RdsParameterGroup
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            ForCluster = forCluster,
            Family = r.String("family"),
            Parameters = Value.Of<IReadOnlyDictionary<string, Value<string?>>>(parameters, r.At("parameter")),
        };
    }
}
