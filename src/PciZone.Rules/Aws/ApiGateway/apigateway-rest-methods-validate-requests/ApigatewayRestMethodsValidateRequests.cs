using PciZone.Estate;

namespace PciZone.Rules.Aws.ApiGateway;

internal sealed class ApigatewayRestMethodsValidateRequests : ResourceRule<ApiGatewayMethod>
{
    // v2 routes have no request validators; an OPTIONS method answers CORS preflights and takes no input.
    protected override bool AppliesTo(ApiGatewayMethod method, RuleContext context) =>
        method.Kind == "rest" && !string.Equals(method.Method.GetOrDefault(), "OPTIONS", StringComparison.OrdinalIgnoreCase);

    protected override Outcome Check(ApiGatewayMethod method, RuleContext context)
    {
        if (method.RequestValidator.IsUnknown)
        {
            return Outcome.Unknown($"The request validator is unknown: {method.RequestValidator.UnknownReason}.", method.RequestValidator.Source);
        }

        return method.RequestValidator.Get() is { } validator
            ? Outcome.Pass($"Requests are validated by {validator} before the integration runs.")
            : Outcome.Fail("The method has no request validator, so malformed parameters and bodies reach the backend unchecked.", method.RequestValidator.Source);
    }
}
