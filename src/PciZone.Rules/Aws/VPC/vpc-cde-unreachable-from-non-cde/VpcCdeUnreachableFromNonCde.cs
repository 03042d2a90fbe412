using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

/// <summary>Segmentation check non-cde-to-cde of pcizone scope, one outcome per CDE system.</summary>
internal sealed class VpcCdeUnreachableFromNonCde : IRule
{
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    public IReadOnlyList<Type> EstateTypes => SegmentationRules.Types;

    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context) =>
        SegmentationRules.Evaluate(context, "non-cde-to-cde", "no undeclared path from a non-CDE system.");
}
