using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class VpnConnectionTunnelLoggingEnabled : ResourceRule<VpnConnection>
{
    protected override Outcome Check(VpnConnection vpn, RuleContext context)
    {
        Outcome? unknown = null;
        for (var i = 0; i < vpn.TunnelLogging.Count; i++)
        {
            var logging = vpn.TunnelLogging[i];
            if (logging.IsUnknown)
            {
                unknown ??= Outcome.Unknown($"Logging of tunnel {i + 1} is unknown: {logging.UnknownReason}.", logging.Source);
            }
            else if (!logging.Get())
            {
                return Outcome.Fail($"Tunnel {i + 1} does not log its activity to CloudWatch Logs.", logging.Source);
            }
        }

        return unknown ?? Outcome.Pass("Both tunnels log their activity to CloudWatch Logs.");
    }
}
