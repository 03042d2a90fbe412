using PciZone.Estate;

namespace PciZone.Rules.Aws.EKS;

internal sealed class EksClusterSecretsEncryptedWithKms : ResourceRule<EksCluster>
{
    protected override Outcome Check(EksCluster cluster, RuleContext context) =>
        Outcome.MustBeTrue(cluster.SecretsEncryptionKey.Map(k => k is not null),
            $"Kubernetes secrets are envelope-encrypted with KMS key {cluster.SecretsEncryptionKey.GetOrDefault()}.",
            "Kubernetes secrets are not envelope-encrypted with a KMS key (no encryption_config for secrets).");
}
