using PciZone.Estate;
using PciZone.Scope;
using PciZone.Scope.Result;

namespace PciZone.Rules.Aws.VPC;

/// <summary>
/// The segmentation checks of <c>pcizone scope</c> as rules of the pack: one analysis per scan and
/// options (memoised on the estate), one outcome per CDE system and check. The rule id of each
/// check is how the single mapping file gives the check its PCI requirements.
/// </summary>
public static class SegmentationRules
{
    private static readonly Dictionary<string, string> Rules = new(StringComparer.Ordinal)
    {
        ["internet-to-cde"] = "PCZ-SEG-001",
        ["non-cde-to-cde"] = "PCZ-SEG-002",
        ["cde-egress"] = "PCZ-SEG-003",
    };

    /// <summary>The rule id that carries a check's findings and mapping.</summary>
    public static string RuleFor(string check) => Rules[check];

    internal static ScopeResult Analysis(RuleContext context) =>
        context.Estate.Memo($"scope-analysis:{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(context.Scope)}",
            e => ScopeAnalyzer.Analyze(e, context.Scope, _ => [], cdeOnly: true));

    /// <summary>One outcome per CDE system: fail per violation of the check, else pass.</summary>
    internal static IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context, string check, string passMessage)
    {
        var result = Analysis(context);
        var violations = result.Violations.Where(v => v.Check == check).ToLookup(v => check == "cde-egress" ? v.Flow.From : v.Flow.To, StringComparer.Ordinal);
        foreach (var system in result.Systems.Where(s => s.Category == ScopeCategory.Cde))
        {
            if (context.Estate.Find(system.Address) is not { } resource)
            {
                continue;
            }

            var found = violations[system.Address].ToList();
            if (found.Count == 0)
            {
                yield return (resource, Outcome.Pass(passMessage));
                continue;
            }

            foreach (var v in found)
            {
                var path = string.Join(" -> ", v.Flow.Path.Select(h => $"{h.Kind} {h.Component} [{h.Entry}]"));
                var text = $"{v.Message}. Path: {path}";
                var evidence = v.Flow.Path.LastOrDefault(h => h.Kind is "sg-ingress" or "sg-egress")?.Source ?? v.Flow.Path.FirstOrDefault()?.Source;
                yield return (resource, v.Flow.Verdict == FlowVerdict.Unknown ? Outcome.Unknown(text, evidence) : Outcome.Fail(text, evidence));
            }
        }
    }

    /// <summary>Every type a segmentation rule reads.</summary>
    internal static readonly IReadOnlyList<Type> Types =
    [
        typeof(Vpc), typeof(Subnet), typeof(RouteTable), typeof(SecurityGroup), typeof(NetworkAcl), typeof(InternetGateway),
        typeof(NatGateway), typeof(Ec2Instance), typeof(NetworkInterface), typeof(LoadBalancer), typeof(Listener), typeof(TargetGroup),
        typeof(RdsInstance), typeof(RdsCluster), typeof(LambdaFunction), typeof(EcsService), typeof(EksCluster), typeof(VpcEndpoint),
        typeof(VpcPeeringConnection), typeof(TransitGatewayVpcAttachment), typeof(TransitGatewayRouteTable), typeof(ElasticIp),
    ];
}
