using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class VpcFlowLogsEnabled : ResourceRule<Vpc>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Vpc), typeof(FlowLog)];

    protected override Outcome Check(Vpc vpc, RuleContext context)
    {
        var index = context.Estate.Memo("vpc-flow-logs-by-vpc", FlowLogIndex.Build);
        var mine = index.ByVpc.GetValueOrDefault(vpc.Address) ?? [];
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

        return index.FirstUnresolved is { } unresolved
            ? Outcome.Unknown($"No flow log is linked to the VPC, but {unresolved.Address} watches a resource unknown until apply.")
            : Outcome.Fail("No flow log records the VPC's traffic.");
    }

    /// <summary>Flow logs grouped by the address of the VPC they watch, in estate order, built once per estate.</summary>
    private sealed record FlowLogIndex(Dictionary<string, List<FlowLog>> ByVpc, FlowLog? FirstUnresolved)
    {
        public static FlowLogIndex Build(AwsEstate estate)
        {
            var byVpc = new Dictionary<string, List<FlowLog>>(StringComparer.Ordinal);
            FlowLog? unresolved = null;
            foreach (var log in estate.OfType<FlowLog>())
            {
                // A flow log is linked only by estate address; a literal VPC id is not matched.
                if (estate.Resolve<Vpc>(log.Target.GetOrDefault()) is { } vpc)
                {
                    if (!byVpc.TryGetValue(vpc.Address, out var list))
                    {
                        byVpc[vpc.Address] = list = [];
                    }

                    list.Add(log);
                }

                unresolved ??= log.Target.IsUnknown ? log : null;
            }

            return new FlowLogIndex(byVpc, unresolved);
        }
    }
}
