using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class VpcFlowLogsEnabled : ResourceRule<Vpc>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Vpc), typeof(FlowLog)];

    protected override Outcome Check(Vpc vpc, RuleContext context)
    {
        var logs = context.Estate.OfType<FlowLog>();
        var mine = logs.Where(l => context.Estate.Resolve<Vpc>(l.Target.GetOrDefault())?.Address == vpc.Address).ToList();
        if (mine.FirstOrDefault(l => l.TrafficType.GetOrDefault() is "ALL" or "REJECT") is { } good)
        {
            return Outcome.Pass($"Flow log {good.Address} captures {good.TrafficType.Get()} traffic.");
        }

        if (mine.FirstOrDefault(l => l.TrafficType.IsUnknown) is { } unclear)
        {
            return Outcome.Unknown($"Flow log {unclear.Address} has a traffic type unknown until apply.");
        }

        if (mine.Count > 0)
        {
            return Outcome.Fail("The VPC's flow logs capture only accepted traffic; rejected traffic goes unrecorded.", mine[0].TrafficType.Source);
        }

        return logs.FirstOrDefault(l => l.Target.IsUnknown) is { } unresolved
            ? Outcome.Unknown($"No flow log is linked to the VPC, but {unresolved.Address} watches a resource unknown until apply.")
            : Outcome.Fail("No flow log records the VPC's traffic.");
    }
}
