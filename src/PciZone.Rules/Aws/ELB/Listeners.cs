using PciZone.Estate;

namespace PciZone.Rules.Aws.ELB;

/// <summary>Listener facts that need the listener's load balancer.</summary>
internal static class Listeners
{
    /// <summary>Protocols that terminate TLS at the load balancer.</summary>
    public static bool IsTls(string protocol) => protocol is "HTTPS" or "TLS" or "SSL";

    /// <summary>The listener's load balancer when the estate holds it.</summary>
    public static LoadBalancer? Owner(Listener listener, AwsEstate estate) =>
        estate.Resolve<LoadBalancer>(listener.LoadBalancer.GetOrDefault());

    /// <summary>
    /// The listener's protocol; when it is unset, the default of the owning load balancer's kind
    /// (HTTP for an application load balancer, GENEVE for a gateway load balancer).
    /// </summary>
    public static Value<string> EffectiveProtocol(Listener listener, AwsEstate estate)
    {
        if (listener.Protocol.IsKnown)
        {
            return listener.Protocol;
        }

        return Owner(listener, estate)?.Kind.GetOrDefault() switch
        {
            "application" => Value.Default("HTTP", listener.Protocol.Source),
            "gateway" => Value.Default("GENEVE", listener.Protocol.Source),
            _ => listener.Protocol,
        };
    }
}
