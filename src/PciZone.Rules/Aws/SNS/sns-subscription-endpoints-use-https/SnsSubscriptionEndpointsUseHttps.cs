using PciZone.Estate;

namespace PciZone.Rules.Aws.SNS;

internal sealed class SnsSubscriptionEndpointsUseHttps : ResourceRule<SnsSubscription>
{
    // Only web endpoints are judged: the other protocols deliver inside AWS or to mail and phones.
    protected override bool AppliesTo(SnsSubscription subscription, RuleContext context) =>
        subscription.Protocol.IsUnknown || subscription.Protocol.GetOrDefault()?.ToLowerInvariant() is "http" or "https";

    protected override Outcome Check(SnsSubscription subscription, RuleContext context)
    {
        if (!subscription.Protocol.TryGet(out var protocol))
        {
            return Outcome.Unknown($"The subscription's protocol is unknown: {subscription.Protocol.UnknownReason}.", subscription.Protocol.Source);
        }

        return protocol!.Equals("https", StringComparison.OrdinalIgnoreCase)
            ? Outcome.Pass("The subscription delivers over HTTPS.")
            : Outcome.Fail($"The subscription delivers messages over plain HTTP to {subscription.Endpoint.GetOrDefault() ?? "its endpoint"}: anyone on the path can read or alter them.", subscription.Protocol.Source);
    }
}
