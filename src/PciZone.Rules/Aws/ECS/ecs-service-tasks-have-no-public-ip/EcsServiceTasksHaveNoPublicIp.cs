using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

internal sealed class EcsServiceTasksHaveNoPublicIp : ResourceRule<EcsService>
{
    protected override Outcome Check(EcsService service, RuleContext context) =>
        Outcome.MustBeFalse(service.AssignPublicIp, "Tasks get no public IP address.", "Tasks are assigned a public IP address (assignPublicIp is ENABLED).");
}
