using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

/// <summary>Segmentation check cde-egress of pcizone scope, one outcome per CDE system.</summary>
internal sealed class VpcCdeEgressRestricted : IRule
{
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    public IReadOnlyList<Type> EstateTypes => SegmentationRules.Types;

    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context) =>
        SegmentationRules.Evaluate(context, "cde-egress", "no undeclared egress to the internet or to non-CDE systems.");
}
