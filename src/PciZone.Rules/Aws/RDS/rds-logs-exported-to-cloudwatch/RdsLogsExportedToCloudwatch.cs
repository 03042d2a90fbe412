using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

internal sealed class RdsLogsExportedToCloudwatch : DatabaseRule
{
    protected override Outcome Check(RdsInstance instance) => Judge(instance.Engine, instance.LogExports);

    protected override Outcome Check(RdsCluster cluster) => Judge(cluster.Engine, cluster.LogExports);

    private static Outcome Judge(Value<string?> engine, Value<IReadOnlyList<string>> exports)
    {
        if (!exports.TryGet(out var types))
        {
            return Outcome.Unknown($"Log exports cannot be read: {exports.UnknownReason}.", exports.Source);
        }

        var required = AuditLogTypes.RequiredFor(engine.GetOrDefault());
        if (required is null)
        {
            return types.Count > 0
                ? Outcome.Pass($"Exports {string.Join(", ", types)} logs to CloudWatch Logs.")
                : Outcome.Fail("Exports no database logs to CloudWatch Logs.", exports.Source);
        }

        return types.Contains(required, StringComparer.OrdinalIgnoreCase)
            ? Outcome.Pass($"Exports the {required} log to CloudWatch Logs.")
            : Outcome.Fail(
                types.Count == 0
                    ? $"Exports no database logs to CloudWatch Logs (expected {required} for {engine.Get()})."
                    : $"Exports {string.Join(", ", types)} but not the {required} log that {engine.Get()} writes its audit trail to.",
                exports.Source);
    }
}
