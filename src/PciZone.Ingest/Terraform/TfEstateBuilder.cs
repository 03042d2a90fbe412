using System.Runtime.CompilerServices;
using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>The estate under construction while mappers run over one plan.</summary>
internal sealed class TfEstateBuilder : IEstateBuilder
{
    private readonly List<Resource> _resources = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    // Literal-key lookups (bucket name to position), one table per key function, built on first use.
    // Literal keys are identity attributes (names) that companions never change, so a join that
    // replaces a resource keeps the table valid; adding a resource drops the tables.
    private readonly Dictionary<Delegate, Dictionary<string, int>> _literalIndexes = [];
    private readonly string _file;

    public TfEstateBuilder(string file) => _file = file;

    public List<InputNote> Notes { get; } = [];

    public IReadOnlyList<Resource> Resources => _resources;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(Resource resource)
    {
        if (_index.TryGetValue(resource.Address, out var at))
        {
            _resources[at] = resource;
            return;
        }

        _index[resource.Address] = _resources.Count;
        _resources.Add(resource);
        _literalIndexes.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Join<T>(IResourceView companion, Value<ResourceRef?> target, Func<T, T> update, Func<T, string?>? literalKey = null)
        where T : Resource
    {
        var index = FindIndex(target, literalKey);
        if (index < 0)
        {
            var why = target.IsUnknown ? target.UnknownReason : $"no {typeof(T).Name} matches {target.GetOrDefault()}";
            Notes.Add(new InputNote(_file, companion.Address, $"{companion.Type} not joined to a {typeof(T).Name}: {why}"));
            return false;
        }

        var primary = (T)_resources[index];
        var updated = update(primary);
        _resources[index] = updated with { JoinedFrom = [.. updated.JoinedFrom, companion.Address] };
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IEnumerable<T> Existing<T>()
        where T : Resource => _resources.OfType<T>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindIndex<T>(Value<ResourceRef?> target, Func<T, string?>? literalKey)
        where T : Resource
    {
        if (!target.TryGet(out var reference) || reference is null)
        {
            return -1;
        }

        if (reference.Address is not null && _index.TryGetValue(reference.Address, out var at) && _resources[at] is T)
        {
            return at;
        }

        if (reference.Literal is not null && literalKey is not null)
        {
            return LiteralIndex(literalKey).GetValueOrDefault(reference.Literal, -1);
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Dictionary<string, int> LiteralIndex<T>(Func<T, string?> literalKey)
        where T : Resource
    {
        if (!_literalIndexes.TryGetValue(literalKey, out var table))
        {
            table = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _resources.Count; i++)
            {
                // The first resource with a key wins, as the linear search did.
                if (_resources[i] is T t && literalKey(t) is { } key)
                {
                    table.TryAdd(key, i);
                }
            }

            _literalIndexes[literalKey] = table;
        }

        return table;
    }
}
