using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

internal sealed class EcsTaskRoleSeparateFromExecutionRole : ResourceRule<EcsTaskDefinition>
{
    // With only one of the two roles there is nothing to separate.
    protected override bool AppliesTo(EcsTaskDefinition task, RuleContext context) =>
        task.TaskRole.IsUnknown || task.ExecutionRole.IsUnknown ||
        (task.TaskRole.Get() is not null && task.ExecutionRole.Get() is not null);

    protected override Outcome Check(EcsTaskDefinition task, RuleContext context)
    {
        if (task.TaskRole.IsUnknown || task.ExecutionRole.IsUnknown)
        {
            var unknown = task.TaskRole.IsUnknown ? task.TaskRole : task.ExecutionRole;
            return Outcome.Unknown($"A role is unknown until apply: {unknown.UnknownReason}.", unknown.Source);
        }

        return task.TaskRole.Get() == task.ExecutionRole.Get()
            ? Outcome.Fail($"The task role and the execution role are the same role ({task.TaskRole.Get()}): the application holds the agent's rights to pull images and read every secret of the task.", task.TaskRole.Source)
            : Outcome.Pass("The application's task role is separate from the ECS agent's execution role.");
    }
}
