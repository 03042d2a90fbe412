using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

internal sealed class RdsConnectionsRequireTls : IRule
{
    /// <inheritdoc />
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    /// <inheritdoc />
    public IReadOnlyList<Type> EstateTypes => [typeof(RdsInstance), typeof(RdsCluster), typeof(RdsParameterGroup)];

    /// <inheritdoc />
    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context)
    {
        // A cluster member's TLS setting lives in its cluster's parameter group: the cluster is judged.
        foreach (var resource in context.Estate.Memo("rds-databases", e => e.Resources.Where(r => r is RdsCluster or RdsInstance).ToArray()))
        {
            var (engine, version, group) = resource switch
            {
                RdsCluster c => (c.Engine, c.EngineVersion, c.ParameterGroup),
                RdsInstance { IsClusterMember: false } i => (i.Engine, i.EngineVersion, i.ParameterGroup),
                _ => default,
            };
            if (resource is RdsInstance { IsClusterMember: true } || (engine.TryGet(out var e) && e is not null && TlsParameters.For(e) is null))
            {
                continue;
            }

            yield return (resource, Check(context.Estate, engine, version, group, resource is RdsCluster));
        }
    }

    private static Outcome Check(AwsEstate estate, Value<string?> engineValue, Value<string?> version, Value<ResourceRef?> groupRef, bool cluster)
    {
        var kind = cluster ? "DB cluster parameter group" : "DB parameter group";
        if (!engineValue.TryGet(out var engine) || engine is null)
        {
            return Outcome.Unknown($"The engine is unknown ({engineValue.UnknownReason ?? "not set"}), so is the parameter that forces TLS.", engineValue.Source);
        }

        var (name, values) = TlsParameters.For(engine)!.Value;
        if (groupRef.IsUnknown)
        {
            return Outcome.Unknown($"The {kind} is unknown: {groupRef.UnknownReason}.", groupRef.Source);
        }

        if (groupRef.Get() is not { } reference)
        {
            return DefaultValue(engine, version.GetOrDefault(), $"the default {kind}", name, version.IsUnknown || (engine == "postgres" && version.GetOrDefault() is null));
        }

        if (reference is { Address: null, Literal: { } literal } && literal.StartsWith("default.", StringComparison.Ordinal))
        {
            return DefaultValue(engine, literal, $"the default group {literal}", name, versionUnknown: false);
        }

        if (TlsParameters.Resolve(estate, reference) is not { } group)
        {
            return Outcome.Unknown($"The {kind} {reference} is outside the scanned code: cannot tell whether it sets {name}.", groupRef.Source);
        }

        if (group.Parameters.IsUnknown)
        {
            return Outcome.Unknown($"The parameters of {group.Address} are unknown: {group.Parameters.UnknownReason}.", group.Parameters.Source);
        }

        if (!group.Parameters.Get().TryGetValue(name, out var set))
        {
            return DefaultValue(engine, group.Family.GetOrDefault(), $"{group.Address}, which leaves it at its family's default", name, group.Family.IsUnknown);
        }

        if (!set.TryGet(out var value))
        {
            return Outcome.Unknown($"{group.Address} sets {name} to a value unknown until apply.", set.Source);
        }

        return values.Contains(value ?? "", StringComparer.OrdinalIgnoreCase)
            ? Outcome.Pass($"{group.Address} sets {name}={value}: the engine refuses connections without TLS.")
            : Outcome.Fail($"{group.Address} sets {name}={value}: the engine accepts connections without TLS.", set.Source);
    }

    private static Outcome DefaultValue(string engine, string? familyOrVersion, string where, string name, bool versionUnknown)
    {
        if (engine == "postgres" && versionUnknown)
        {
            return Outcome.Unknown($"The database uses {where} for {name}; the engine version is not known, and RDS for PostgreSQL forces SSL by default only from version 15.");
        }

        return TlsParameters.DefaultEnforces(engine, familyOrVersion)
            ? Outcome.Pass($"The database uses {where} for {name}, which is 1 for RDS for PostgreSQL 15 and later.")
            : Outcome.Fail($"The database uses {where} for {name}, which leaves TLS optional: clients may connect in plaintext.");
    }
}
