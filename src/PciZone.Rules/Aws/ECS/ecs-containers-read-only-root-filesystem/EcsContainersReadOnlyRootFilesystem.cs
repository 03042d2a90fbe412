using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

internal sealed class EcsContainersReadOnlyRootFilesystem : ResourceRule<EcsTaskDefinition>
{
    protected override Outcome Check(EcsTaskDefinition task, RuleContext context) =>
        EcsContainers.Every(task, c => c.ReadonlyRootFilesystem, "Every container mounts its root filesystem read-only.", "can write to their root filesystem (readonlyRootFilesystem is not true)");
}
