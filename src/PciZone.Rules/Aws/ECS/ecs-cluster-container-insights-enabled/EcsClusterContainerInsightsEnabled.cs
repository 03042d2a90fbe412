using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

internal sealed class EcsClusterContainerInsightsEnabled : ResourceRule<EcsCluster>
{
    protected override Outcome Check(EcsCluster cluster, RuleContext context) =>
        Outcome.MustBeTrue(cluster.ContainerInsights.Map(s => s is "enabled" or "enhanced"),
            $"Container Insights is {cluster.ContainerInsights.GetOrDefault()}.",
            $"Container Insights is {cluster.ContainerInsights.GetOrDefault() ?? "off"}{(cluster.ContainerInsights.IsDefault ? " (the default)" : "")}: task and container events are not collected.");
}
