using PciZone.Estate;

namespace PciZone.Rules.Aws.EKS;

internal sealed class EksClusterEndpointNotPublic : ResourceRule<EksCluster>
{
    private static readonly string[] Anywhere = ["0.0.0.0/0", "::/0"];

    protected override Outcome Check(EksCluster cluster, RuleContext context)
    {
        if (cluster.EndpointPublicAccess.IsUnknown)
        {
            return Outcome.Unknown($"Public endpoint access is unknown until apply: {cluster.EndpointPublicAccess.UnknownReason}.", cluster.EndpointPublicAccess.Source);
        }

        if (!cluster.EndpointPublicAccess.Get())
        {
            return Outcome.Pass("The API server endpoint is private only.");
        }

        if (cluster.PublicAccessCidrs.IsUnknown)
        {
            return Outcome.Unknown($"The public endpoint's allowed CIDRs are unknown until apply: {cluster.PublicAccessCidrs.UnknownReason}.", cluster.PublicAccessCidrs.Source);
        }

        var open = cluster.PublicAccessCidrs.Get().Where(c => Anywhere.Contains(c, StringComparer.Ordinal)).ToList();
        return open.Count > 0
            ? Outcome.Fail($"The API server endpoint is public and open to {string.Join(", ", open)}{(cluster.PublicAccessCidrs.IsDefault ? " (the default when no CIDRs are set)" : "")}.", cluster.EndpointPublicAccess.Source)
            : Outcome.Pass($"The public API server endpoint only admits {string.Join(", ", cluster.PublicAccessCidrs.Get())}.");
    }
}
