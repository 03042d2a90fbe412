using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

/// <summary>
/// Minor version upgrades are set per DB instance, Aurora members included, and on Multi-AZ DB
/// clusters at cluster level; so every instance and every cluster is judged.
/// </summary>
internal sealed class RdsAutoMinorVersionUpgradeEnabled : IRule
{
    private const string Passed = "Automatic minor version upgrades are enabled.";
    private const string Failed = "Automatic minor version upgrades are disabled: engine security patches wait for a manual upgrade.";

    /// <inheritdoc />
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    /// <inheritdoc />
    public IReadOnlyList<Type> EstateTypes => [typeof(RdsInstance), typeof(RdsCluster)];

    /// <inheritdoc />
    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context)
    {
        foreach (var resource in context.Estate.Resources)
        {
            switch (resource)
            {
                case RdsInstance instance:
                    yield return (instance, Outcome.MustBeTrue(instance.AutoMinorVersionUpgrade, Passed, Failed));
                    break;
                case RdsCluster cluster:
                    yield return (cluster, Outcome.MustBeTrue(cluster.AutoMinorVersionUpgrade, Passed, Failed));
                    break;
            }
        }
    }
}
