using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

internal sealed class EcsTaskDefinitionNotSharingHostPidNamespace : ResourceRule<EcsTaskDefinition>
{
    protected override Outcome Check(EcsTaskDefinition task, RuleContext context) =>
        Outcome.MustBeFalse(task.PidMode.Map(m => m == "host"), "The task does not share the host's process namespace.", "pidMode is host: the containers see and can signal every process on the host.");
}
