using PciZone.Estate;

namespace PciZone.Rules.Aws.ELB;

internal sealed class LoadBalancerListenerUsesTls : ResourceRule<Listener>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Listener), typeof(LoadBalancer)];

    // Gateway load balancers pass packets through transparently (GENEVE); they terminate no sessions.
    protected override bool AppliesTo(Listener listener, RuleContext context) =>
        Listeners.EffectiveProtocol(listener, context.Estate).GetOrDefault() != "GENEVE";

    protected override Outcome Check(Listener listener, RuleContext context)
    {
        var protocol = Listeners.EffectiveProtocol(listener, context.Estate);
        if (protocol.IsUnknown)
        {
            return Outcome.Unknown($"The listener protocol is unknown: {protocol.UnknownReason}.", protocol.Source);
        }

        var p = protocol.Get();
        if (Listeners.IsTls(p))
        {
            return Outcome.Pass($"The listener uses {p}.");
        }

        if (p == "HTTP" && listener.RedirectsToHttps.GetOrDefault())
        {
            return Outcome.Pass("The HTTP listener only redirects to HTTPS.");
        }

        return Outcome.Fail(
            p == "HTTP"
                ? "The listener serves plain HTTP without redirecting to HTTPS."
                : $"The listener accepts unencrypted {p} connections; use TLS/SSL (or HTTPS).",
            protocol.Source);
    }
}
