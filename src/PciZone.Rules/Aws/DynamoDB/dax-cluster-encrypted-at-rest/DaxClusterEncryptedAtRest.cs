using PciZone.Estate;

namespace PciZone.Rules.Aws.DynamoDB;

internal sealed class DaxClusterEncryptedAtRest : ResourceRule<DaxCluster>
{
    protected override Outcome Check(DaxCluster cluster, RuleContext context) =>
        Outcome.MustBeTrue(cluster.EncryptedAtRest, "DAX cluster encrypts its cache at rest.", "DAX cluster does not encrypt its cache, logs or configuration at rest.");
}
