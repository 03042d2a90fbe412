using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

internal sealed class EcsContainersNotPrivileged : ResourceRule<EcsTaskDefinition>
{
    protected override Outcome Check(EcsTaskDefinition task, RuleContext context) =>
        EcsContainers.Every(task, c => c.Privileged.Map(p => !p), "No container runs privileged.", "run privileged (root on the host)");
}
