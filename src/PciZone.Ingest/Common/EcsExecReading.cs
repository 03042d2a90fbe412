using PciZone.Estate;

namespace PciZone.Ingest;

/// <summary>Reads an ECS cluster's ECS Exec configuration; both formats name the same fields differently.</summary>
internal static class EcsExecReading
{
    /// <summary>
    /// The cluster with its ECS Exec settings read from <paramref name="prefix"/>. <paramref name="logNames"/> are the
    /// log group, its encryption flag, the bucket and its encryption flag, below <paramref name="logPrefix"/>.
    /// </summary>
    public static EcsCluster WithExecuteCommand(
        EcsCluster cluster, IResourceView r, string prefix, string kmsKey, string logging, string logPrefix, string[] logNames)
    {
        var log = prefix + logPrefix;
        return cluster with
        {
            ExecuteCommandLogging = r.TextOrDefault(prefix + logging, "DEFAULT").Map(s => s.ToUpperInvariant()),
            ExecuteCommandKmsKey = r.RefOrNull(prefix + kmsKey).Map(k => k is { Address: null, Literal: "" } ? null : k),
            ExecuteCommandLogGroup = r.RefOrNull(log + logNames[0]).Map(k => k is { Address: null, Literal: "" } ? null : k),
            ExecuteCommandLogGroupEncryption = r.BoolOrDefault(log + logNames[1], false),
            ExecuteCommandS3Bucket = r.RefOrNull(log + logNames[2]).Map(k => k is { Address: null, Literal: "" } ? null : k),
            ExecuteCommandS3Encryption = r.BoolOrDefault(log + logNames[3], false),
        };
    }
}
