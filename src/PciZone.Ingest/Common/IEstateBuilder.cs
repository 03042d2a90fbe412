using PciZone.Estate;

namespace PciZone.Ingest;

/// <summary>What a mapper may do with the estate under construction.</summary>
public interface IEstateBuilder
{
    /// <summary>Adds a primary resource (a bucket, a group, a role).</summary>
    void Add(Resource resource);

    /// <summary>
    /// Joins a companion resource into its primary: finds the primary of type <typeparamref name="T"/>
    /// that <paramref name="target"/> points to (by address; else by <paramref name="literalKey"/>
    /// equal to the literal) and replaces it with <paramref name="update"/>'s result. Returns false when
    /// no primary is found; the reader then reports the companion as unjoined.
    /// </summary>
    bool Join<T>(IResourceView companion, Value<ResourceRef?> target, Func<T, T> update, Func<T, string?>? literalKey = null)
        where T : Resource;

    /// <summary>Resources of a type added so far (for mappers that join by a computed key).</summary>
    IEnumerable<T> Existing<T>()
        where T : Resource;
}

/// <summary>Mapper phase: primaries first, then companions that join into them.</summary>
public enum MapperPhase
{
    /// <summary>Creates estate resources.</summary>
    Primary = 0,

    /// <summary>Joins into resources created in the primary phase.</summary>
    Companion = 1,
}

/// <summary>A mapping function from an input resource into the estate.</summary>
public delegate void ResourceMapper(IResourceView resource, IEstateBuilder estate);

/// <summary>The mappers of one input format, by input type.</summary>
public sealed class MapperRegistry
{
    private readonly Dictionary<string, (MapperPhase Phase, ResourceMapper Map)> _mappers = new(StringComparer.Ordinal);

    /// <summary>Registers the mapper for a primary type.</summary>
    public void Primary(string inputType, ResourceMapper map) => Register(inputType, MapperPhase.Primary, map);

    /// <summary>Registers the mapper for a companion type.</summary>
    public void Companion(string inputType, ResourceMapper map) => Register(inputType, MapperPhase.Companion, map);

    /// <summary>The mapper for a type, if any.</summary>
    public bool TryGet(string inputType, out MapperPhase phase, out ResourceMapper map)
    {
        if (_mappers.TryGetValue(inputType, out var m))
        {
            (phase, map) = m;
            return true;
        }

        (phase, map) = (MapperPhase.Primary, null!);
        return false;
    }

    /// <summary>Input types with a mapper.</summary>
    public IEnumerable<string> Types => _mappers.Keys.Order(StringComparer.Ordinal);

    private void Register(string inputType, MapperPhase phase, ResourceMapper map)
    {
        if (!_mappers.TryAdd(inputType, (phase, map)))
        {
            throw new InvalidOperationException($"two mappers registered for {inputType}");
        }
    }
}

/// <summary>
/// A group of mappers for one service, discovered by reflection: implement it in
/// <c>Terraform/Mappers</c> or <c>CloudFormation/Mappers</c> and register each input type once.
/// </summary>
internal interface ITerraformMappers
{
    void Register(MapperRegistry registry);
}

/// <summary>CloudFormation counterpart of <see cref="ITerraformMappers"/>.</summary>
internal interface ICloudFormationMappers
{
    void Register(MapperRegistry registry);
}
