using PciZone.Estate;

namespace PciZone.Rules.Aws.EKS;

internal sealed class EksClusterControlPlaneAuditLoggingEnabled : ResourceRule<EksCluster>
{
    // API calls, the audit trail of who did what, and who authenticated: the log types PCI DSS 10.2 needs.
    private static readonly string[] Required = ["api", "audit", "authenticator"];

    protected override Outcome Check(EksCluster cluster, RuleContext context)
    {
        if (cluster.EnabledLogTypes.IsUnknown)
        {
            return Outcome.Unknown($"Enabled log types are unknown until apply: {cluster.EnabledLogTypes.UnknownReason}.", cluster.EnabledLogTypes.Source);
        }

        var missing = Required.Except(cluster.EnabledLogTypes.Get(), StringComparer.Ordinal).ToList();
        return missing.Count == 0
            ? Outcome.Pass($"Control-plane logs {string.Join(", ", cluster.EnabledLogTypes.Get())} go to CloudWatch Logs.")
            : Outcome.Fail($"Control-plane log types {string.Join(", ", missing)} are not enabled.", cluster.EnabledLogTypes.Source);
    }
}
