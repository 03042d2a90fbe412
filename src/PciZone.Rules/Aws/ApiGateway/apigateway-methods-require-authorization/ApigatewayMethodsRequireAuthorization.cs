using PciZone.Estate;

namespace PciZone.Rules.Aws.ApiGateway;

internal sealed class ApigatewayMethodsRequireAuthorization : ResourceRule<ApiGatewayMethod>
{
    // CORS preflight requests never carry credentials, so OPTIONS methods and routes are left out.
    protected override bool AppliesTo(ApiGatewayMethod method, RuleContext context) =>
        method.Method.GetOrDefault() is not { } m || !(m == "OPTIONS" || m.StartsWith("OPTIONS ", StringComparison.Ordinal));

    protected override Outcome Check(ApiGatewayMethod method, RuleContext context)
    {
        if (method.Authorization.IsUnknown)
        {
            return Outcome.Unknown($"The authorization type is unknown: {method.Authorization.UnknownReason}.", method.Authorization.Source);
        }

        var type = method.Authorization.Get();
        if (type != "NONE")
        {
            return Outcome.Pass($"Callers are authorised with {type}.");
        }

        return method.ApiKeyRequired.GetOrDefault()
            ? Outcome.Fail("Only an API key is required: API keys identify a client for usage plans and are not an authentication factor.", method.Authorization.Source)
            : Outcome.Fail($"{method.Method.GetOrDefault() ?? "The method"} can be called by anyone: authorization is NONE.", method.Authorization.Source);
    }
}
