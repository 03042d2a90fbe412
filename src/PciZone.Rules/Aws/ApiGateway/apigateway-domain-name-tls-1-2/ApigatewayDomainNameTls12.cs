using PciZone.Estate;

namespace PciZone.Rules.Aws.ApiGateway;

internal sealed class ApigatewayDomainNameTls12 : ResourceRule<ApiGatewayDomainName>
{
    protected override Outcome Check(ApiGatewayDomainName domain, RuleContext context)
    {
        if (!domain.SecurityPolicy.TryGet(out var policy))
        {
            return Outcome.Unknown($"The security policy is unknown: {domain.SecurityPolicy.UnknownReason}.", domain.SecurityPolicy.Source);
        }

        // TLS_1_2, and the enhanced policies named SecurityPolicy_TLS12_... / SecurityPolicy_TLS13_...
        return policy == "TLS_1_2" || policy.StartsWith("SecurityPolicy_TLS1", StringComparison.Ordinal)
            ? Outcome.Pass($"The custom domain negotiates TLS 1.2 or newer ({policy}).")
            : Outcome.Fail($"The custom domain accepts TLS 1.0 (security policy {policy}{(domain.SecurityPolicy.IsDefault ? ", the default" : "")}).", domain.SecurityPolicy.Source);
    }
}
