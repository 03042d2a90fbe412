using PciZone.Estate;

namespace PciZone.Rules.Aws.DynamoDB;

internal sealed class DaxClusterEndpointEncryptedInTransit : ResourceRule<DaxCluster>
{
    protected override Outcome Check(DaxCluster cluster, RuleContext context) =>
        Outcome.MustBeTrue(
            cluster.EndpointEncryption.Map(t => string.Equals(t, "TLS", StringComparison.OrdinalIgnoreCase)),
            "DAX cluster endpoint requires TLS.",
            $"DAX cluster endpoint accepts unencrypted connections (encryption type {cluster.EndpointEncryption.GetOrDefault("unknown")}).");
}
