using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

/// <summary>Segmentation check internet-to-cde of pcizone scope, one outcome per CDE system.</summary>
internal sealed class VpcCdeUnreachableFromInternet : IRule
{
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    public IReadOnlyList<Type> EstateTypes => SegmentationRules.Types;

    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context) =>
        SegmentationRules.Evaluate(context, "internet-to-cde", "no path from the internet other than through a declared entry point.");
}
