using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

internal sealed class EcsContainersLogConfigured : ResourceRule<EcsTaskDefinition>
{
    protected override Outcome Check(EcsTaskDefinition task, RuleContext context) =>
        EcsContainers.Every(task, c => c.LogDriver.Map(d => !string.IsNullOrEmpty(d)), "Every container has a log configuration.", "have no logConfiguration: their output is not collected");
}
