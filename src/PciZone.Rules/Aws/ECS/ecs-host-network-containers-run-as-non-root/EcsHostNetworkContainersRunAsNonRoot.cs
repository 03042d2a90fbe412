using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

internal sealed class EcsHostNetworkContainersRunAsNonRoot : ResourceRule<EcsTaskDefinition>
{
    // The user is "user", "uid", "user:group" or "uid:gid"; only the user part decides.
    private static readonly string[] RootUsers = ["root", "0"];

    protected override bool AppliesTo(EcsTaskDefinition task, RuleContext context) =>
        task.NetworkMode.IsUnknown || task.NetworkMode.Get() == "host";

    protected override Outcome Check(EcsTaskDefinition task, RuleContext context) =>
        task.NetworkMode.IsUnknown
            ? Outcome.Unknown($"The network mode is unknown until apply: {task.NetworkMode.UnknownReason}.", task.NetworkMode.Source)
            : EcsContainers.Every(task, c => c.User.Map(u => u is not null && !RootUsers.Contains(u.Split(':')[0], StringComparer.Ordinal)),
                "Every container of the host-network task runs as a non-root user.",
                "use the host network and run as root (user unset, root or 0)");
}
