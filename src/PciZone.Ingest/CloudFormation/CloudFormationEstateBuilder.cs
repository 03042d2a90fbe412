using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>The estate of one template while its mappers run.</summary>
internal sealed class CloudFormationEstateBuilder(string file) : IEstateBuilder
{
    private readonly List<Resource> _resources = [];
    private readonly Dictionary<string, int> _byAddress = new(StringComparer.Ordinal);

    public IReadOnlyList<Resource> Resources => _resources;

    public List<InputError> Errors { get; } = [];

    public List<InputNote> Notes { get; } = [];

    public void Add(Resource resource)
    {
        if (!_byAddress.TryAdd(resource.Address, _resources.Count))
        {
            Errors.Add(new InputError(file, resource.Provenance.Line, $"two estate resources at address {resource.Address}"));
            return;
        }

        _resources.Add(resource);
    }

    public bool Join<T>(IResourceView companion, Value<ResourceRef?> target, Func<T, T> update, Func<T, string?>? literalKey = null)
        where T : Resource
    {
        if (!target.TryGet(out var reference) || reference is null)
        {
            Notes.Add(new InputNote(file, companion.Address,
                $"{companion.Type} is not joined to a {typeof(T).Name}: {(target.IsUnknown ? target.UnknownReason : "it names none")}"));
            return false;
        }

        var index = Find(reference, literalKey);
        if (index < 0)
        {
            Notes.Add(new InputNote(file, companion.Address,
                $"{companion.Type} refers to {reference}, which is no {typeof(T).Name} in this template; not joined"));
            return false;
        }

        var primary = (T)_resources[index];
        Resource updated = update(primary);
        updated = updated with { JoinedFrom = [.. updated.JoinedFrom, companion.Address] };
        if (!string.Equals(updated.Address, primary.Address, StringComparison.Ordinal))
        {
            // A join must not move a resource: the address is how everything else finds it.
            Errors.Add(new InputError(file, companion.Provenance.Line, $"joining {companion.Address} changed the address of {primary.Address}"));
            return false;
        }

        _resources[index] = updated;
        return true;
    }

    public IEnumerable<T> Existing<T>()
        where T : Resource => _resources.OfType<T>();

    private int Find<T>(ResourceRef reference, Func<T, string?>? literalKey)
        where T : Resource
    {
        if (reference.Address is not null && _byAddress.TryGetValue(reference.Address, out var i) && _resources[i] is T)
        {
            return i;
        }

        if (reference.Literal is not null && literalKey is not null)
        {
            for (var j = 0; j < _resources.Count; j++)
            {
                if (_resources[j] is T candidate && string.Equals(literalKey(candidate), reference.Literal, StringComparison.Ordinal))
                {
                    return j;
                }
            }
        }

        return -1;
    }
}
