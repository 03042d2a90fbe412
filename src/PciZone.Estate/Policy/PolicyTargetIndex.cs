namespace PciZone.Estate;

/// <summary>
/// Managed policies indexed by the principals their own attachment lists name (by estate address
/// and by literal name), built once per estate so that finding the policies that name a role, user
/// or group does not scan every policy.
/// </summary>
internal sealed class PolicyTargetIndex
{
    private readonly IReadOnlyList<IamPolicy> _policies;
    private readonly Targets[] _byKind = [new(), new(), new()];

    private PolicyTargetIndex(IReadOnlyList<IamPolicy> policies) => _policies = policies;

    /// <summary>Indexes every managed policy's role, user and group targets.</summary>
    public static PolicyTargetIndex Build(AwsEstate estate)
    {
        var index = new PolicyTargetIndex(estate.OfType<IamPolicy>());
        for (var i = 0; i < index._policies.Count; i++)
        {
            var p = index._policies[i];
            index._byKind[0].Add(p.AttachedRoles, i);
            index._byKind[1].Add(p.AttachedUsers, i);
            index._byKind[2].Add(p.AttachedGroups, i);
        }

        return index;
    }

    /// <summary>Managed policies by name; the first in estate order wins.</summary>
    public static Dictionary<string, IamPolicy> ByName(AwsEstate estate)
    {
        var byName = new Dictionary<string, IamPolicy>(StringComparer.Ordinal);
        foreach (var p in estate.OfType<IamPolicy>())
        {
            if (p.Name.GetOrDefault() is { } name)
            {
                byName.TryAdd(name, p);
            }
        }

        return byName;
    }

    /// <summary>
    /// Policies whose targets of the principal's kind name it by address, or by a literal equal to its
    /// known name; each once, in estate order.
    /// </summary>
    public IEnumerable<IamPolicy> Naming(Resource principal, Value<string?> principalName)
    {
        var kind = principal switch
        {
            IamRole => 0,
            IamUser => 1,
            IamGroup => 2,
            _ => -1,
        };
        if (kind < 0)
        {
            return [];
        }

        var targets = _byKind[kind];
        var byAddress = targets.ByAddress.GetValueOrDefault(principal.Address);
        var byLiteral = principalName.IsKnown && principalName.Get() is { } name ? targets.ByLiteral.GetValueOrDefault(name) : null;
        return Merge(byAddress ?? [], byLiteral ?? []).Select(i => _policies[i]);
    }

    // Both lists are ascending policy positions; the union keeps estate order and drops repeats.
    private static List<int> Merge(List<int> a, List<int> b)
    {
        if (b.Count == 0)
        {
            return a;
        }

        if (a.Count == 0)
        {
            return b;
        }

        var merged = new List<int>(a.Count + b.Count);
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            var next = y >= b.Count || (x < a.Count && a[x] <= b[y]) ? a[x] : b[y];
            if (merged.Count == 0 || merged[^1] != next)
            {
                merged.Add(next);
            }

            if (x < a.Count && a[x] == next)
            {
                x++;
            }

            if (y < b.Count && b[y] == next)
            {
                y++;
            }
        }

        return merged;
    }

    private sealed class Targets
    {
        public Dictionary<string, List<int>> ByAddress { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<int>> ByLiteral { get; } = new(StringComparer.Ordinal);

        public void Add(IReadOnlyList<Value<ResourceRef?>> targets, int policy)
        {
            foreach (var target in targets)
            {
                if (target.GetOrDefault() is not { } t)
                {
                    continue;
                }

                if (t.Address is not null)
                {
                    Append(ByAddress, t.Address, policy);
                }

                if (t.Literal is not null)
                {
                    Append(ByLiteral, t.Literal, policy);
                }
            }
        }

        // A policy that names the same principal twice still holds once.
        private static void Append(Dictionary<string, List<int>> index, string key, int policy)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            if (list.Count == 0 || list[^1] != policy)
            {
                list.Add(policy);
            }
        }
    }
}
