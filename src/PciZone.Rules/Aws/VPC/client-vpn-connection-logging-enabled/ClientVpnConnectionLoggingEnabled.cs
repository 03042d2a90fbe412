using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class ClientVpnConnectionLoggingEnabled : ResourceRule<ClientVpnEndpoint>
{
    protected override Outcome Check(ClientVpnEndpoint endpoint, RuleContext context) =>
        Outcome.MustBeTrue(
            endpoint.ConnectionLogging,
            "Client connections are logged to CloudWatch Logs.",
            "Client VPN connection logging is off: who connected, when and from where is not recorded.");
}
