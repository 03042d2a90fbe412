using System.Runtime.CompilerServices;
using PciZone.Estate;

namespace PciZone.Ingest;

/// <summary>
/// The estate of one input while its mappers run, shared by every reader: primaries are added,
/// companions join into them by estate address or, failing that, by a literal key (a bucket name).
/// </summary>
internal sealed class EstateBuilder : IEstateBuilder
{
    private readonly List<Resource> _resources = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly string _file;
    private readonly bool _duplicateIsError;
    private readonly string _scope;

    // Literal-key lookups (bucket name to position), one table per key function, built on first use.
    // Literal keys are identity attributes (names) that companions never change, so a join that
    // replaces a resource keeps the tables valid; adding a resource drops them.
    private readonly Dictionary<Delegate, Dictionary<string, int>> _literalIndexes = [];

    /// <param name="file">The input, for notes and errors.</param>
    /// <param name="duplicateIsError">
    /// True when two resources at one address are an input error (a template); false when the later
    /// one replaces the earlier (a plan, whose addresses are unique by construction).
    /// </param>
    /// <param name="scope">What the input is called in notes ("plan", "template").</param>
    public EstateBuilder(string file, bool duplicateIsError, string scope)
    {
        _file = file;
        _duplicateIsError = duplicateIsError;
        _scope = scope;
    }

    public IReadOnlyList<Resource> Resources => _resources;

    public List<InputError> Errors { get; } = [];

    public List<InputNote> Notes { get; } = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(Resource resource)
    {
        if (_index.TryGetValue(resource.Address, out var at))
        {
            if (_duplicateIsError)
            {
                Errors.Add(new InputError(_file, resource.Provenance.Line, $"two estate resources at address {resource.Address}"));
            }
            else
            {
                _resources[at] = resource;
            }

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
        if (!target.TryGet(out var reference) || reference is null)
        {
            Notes.Add(new InputNote(_file, companion.Address,
                $"{companion.Type} is not joined to a {typeof(T).Name}: {(target.IsUnknown ? target.UnknownReason : "it names none")}"));
            return false;
        }

        var index = Find(reference, literalKey);
        if (index < 0)
        {
            Notes.Add(new InputNote(_file, companion.Address,
                $"{companion.Type} refers to {reference}, which is no {typeof(T).Name} in this {_scope}; not joined"));
            return false;
        }

        var primary = (T)_resources[index];
        Resource updated = update(primary);
        updated = updated with { JoinedFrom = [.. updated.JoinedFrom, companion.Address] };
        if (!string.Equals(updated.Address, primary.Address, StringComparison.Ordinal))
        {
            // A join must not move a resource: the address is how everything else finds it.
            Errors.Add(new InputError(_file, companion.Provenance.Line, $"joining {companion.Address} changed the address of {primary.Address}"));
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
        if (reference.Address is not null && _index.TryGetValue(reference.Address, out var at) && _resources[at] is T)
        {
            return at;
        }

        return reference.Literal is not null && literalKey is not null
            ? LiteralIndex(literalKey).GetValueOrDefault(reference.Literal, -1)
            : -1;
    }

    private Dictionary<string, int> LiteralIndex<T>(Func<T, string?> literalKey)
        where T : Resource
    {
        if (!_literalIndexes.TryGetValue(literalKey, out var table))
        {
            table = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _resources.Count; i++)
            {
                // The first resource with a key wins, as a linear search would.
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
