using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class CdeVpcResolverQueryLoggingEnabled : ResourceRule<Vpc>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Vpc), typeof(Subnet), typeof(ResolverQueryLogConfigAssociation)];

    protected override bool AppliesTo(Vpc vpc, RuleContext context) => CdeVpcs.IsCde(context.Estate, vpc);

    protected override Outcome Check(Vpc vpc, RuleContext context)
    {
        var index = context.Estate.Memo("vpc-query-log-associations", Associations.Build);
        if (index.ByVpc.TryGetValue(vpc.Address, out var association))
        {
            return Outcome.Pass($"Resolver query logging configuration {association.Config.GetOrDefault()} logs the VPC's DNS queries ({association.Address}).");
        }

        return index.FirstUnresolved is { } unresolved
            ? Outcome.Unknown($"No query logging is associated with the VPC, but {unresolved.Address} names a VPC unknown until apply.")
            : Outcome.Fail("No Route 53 Resolver query logging configuration is associated with the CDE VPC.");
    }

    /// <summary>Query logging associations by the address of the VPC they log, built once per estate.</summary>
    private sealed record Associations(Dictionary<string, ResolverQueryLogConfigAssociation> ByVpc, ResolverQueryLogConfigAssociation? FirstUnresolved)
    {
        public static Associations Build(AwsEstate estate)
        {
            var byVpc = new Dictionary<string, ResolverQueryLogConfigAssociation>(StringComparer.Ordinal);
            ResolverQueryLogConfigAssociation? unresolved = null;
            foreach (var a in estate.OfType<ResolverQueryLogConfigAssociation>())
            {
                if (estate.Resolve<Vpc>(a.Vpc.GetOrDefault()) is { } vpc)
                {
                    byVpc.TryAdd(vpc.Address, a);
                }

                unresolved ??= a.Vpc.IsUnknown ? a : null;
            }

            return new Associations(byVpc, unresolved);
        }
    }
}
