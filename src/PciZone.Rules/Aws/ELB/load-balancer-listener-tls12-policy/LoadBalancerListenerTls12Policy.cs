using System.Text.RegularExpressions;
using PciZone.Estate;

namespace PciZone.Rules.Aws.ELB;

internal sealed partial class LoadBalancerListenerTls12Policy : ResourceRule<Listener>
{
    protected override bool AppliesTo(Listener listener, RuleContext context) =>
        listener.Protocol.TryGet(out var p) && Listeners.IsTls(p);

    protected override Outcome Check(Listener listener, RuleContext context)
    {
        var policy = listener.SslPolicy;
        if (policy.IsUnknown)
        {
            return Outcome.Unknown($"The TLS security policy is unknown: {policy.UnknownReason}.", policy.Source);
        }

        var name = policy.Get() ?? "";
        if (Tls12OrLater().IsMatch(name))
        {
            return Outcome.Pass($"Security policy {name} negotiates TLS 1.2 or later only.");
        }

        return Outcome.Fail(
            policy.IsDefault
                ? $"The listener sets no security policy, so AWS applies {name}, which still allows TLS 1.0 and 1.1."
                : $"Security policy {name} is not a predefined TLS 1.2+ policy; it allows older protocols or is unknown.",
            policy.Source);
    }

    // Predefined ELB policies whose minimum is TLS 1.2 or 1.3 (including their FIPS, Res, Ext and PQ
    // variants). Everything else, such as ELBSecurityPolicy-2016-08, TLS-1-0/1-1, TLS13-1-0/1-1,
    // FS-2018-06 and FS-1-1-2019-08, still negotiates TLS 1.0 or 1.1.
    [GeneratedRegex(@"^ELBSecurityPolicy-(TLS13-1-[23]-|TLS-1-2-|FS-1-2-)", RegexOptions.CultureInvariant)]
    private static partial Regex Tls12OrLater();
}
