using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

/// <summary>
/// Base for rules that judge a database where its setting lives: standalone DB instances and DB
/// clusters. A cluster member takes storage, backup, deletion-protection and log settings from its
/// cluster, so it is judged through the cluster and produces no finding of its own.
/// </summary>
internal abstract class DatabaseRule : IRule
{
    /// <inheritdoc />
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    /// <inheritdoc />
    public IReadOnlyList<Type> EstateTypes => [typeof(RdsInstance), typeof(RdsCluster)];

    /// <inheritdoc />
    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context)
    {
        // One walk of the whole estate, shared by every database rule, keeps clusters and instances in estate order.
        var databases = context.Estate.Memo("rds-databases", e => e.Resources.Where(r => r is RdsCluster or RdsInstance).ToArray());
        foreach (var resource in databases)
        {
            switch (resource)
            {
                case RdsCluster cluster when AppliesTo(cluster.Engine):
                    yield return (cluster, Check(cluster));
                    break;
                case RdsInstance { IsClusterMember: false } instance when AppliesTo(instance.Engine):
                    yield return (instance, Check(instance));
                    break;
            }
        }
    }

    /// <summary>False to skip databases of an engine the rule does not apply to (no finding at all).</summary>
    protected virtual bool AppliesTo(Value<string?> engine) => true;

    /// <summary>The rule's logic for a standalone DB instance.</summary>
    protected abstract Outcome Check(RdsInstance instance);

    /// <summary>The rule's logic for a DB cluster.</summary>
    protected abstract Outcome Check(RdsCluster cluster);
}
