using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

internal sealed class RdsSnapshotEncrypted : ResourceRule<RdsSnapshot>
{
    // Copies of copies are followed this far; a longer chain in one input is not plausible.
    private const int MaxChain = 8;

    public override IReadOnlyList<Type> EstateTypes => [typeof(RdsSnapshot), typeof(RdsInstance), typeof(RdsCluster)];

    protected override Outcome Check(RdsSnapshot snapshot, RuleContext context)
    {
        var current = snapshot;
        for (var hop = 0; hop < MaxChain; hop++)
        {
            if (current.Encrypted.IsKnown)
            {
                return Judge(current.Encrypted, ReferenceEquals(current, snapshot) ? "The snapshot copy" : $"Its source snapshot {current.Address}");
            }

            var source = current.Source.TryGet(out var reference) && reference?.Address is { } address ? context.Estate.Find(address) : null;
            switch (source)
            {
                case RdsInstance instance:
                    return Judge(instance.StorageEncrypted, $"Its source DB instance {instance.Address}");
                case RdsCluster cluster:
                    return Judge(cluster.StorageEncrypted, $"Its source DB cluster {cluster.Address}");
                case RdsSnapshot parent:
                    current = parent;
                    continue;
                default:
                    return Outcome.Unknown($"The snapshot takes its encryption from {current.Source.GetOrDefault()?.ToString() ?? "a source"} outside the scanned input.", current.Source.Source);
            }
        }

        return Outcome.Unknown("The snapshot's chain of copies is too long to follow.", snapshot.Provenance);
    }

    private static Outcome Judge(Value<bool> encrypted, string subject) =>
        encrypted.IsUnknown
            ? Outcome.Unknown($"{subject}: encryption cannot be read ({encrypted.UnknownReason}).", encrypted.Source)
            : encrypted.Get()
                ? Outcome.Pass($"{subject} is encrypted, and so is the snapshot.")
                : Outcome.Fail($"{subject} is not encrypted, so the snapshot holds the database's data in clear.", encrypted.Source);
}
