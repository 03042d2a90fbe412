using PciZone.Estate;

namespace PciZone.Rules.Aws.ApiGateway;

internal sealed class ApigatewayRestApiEndpointRegionalOrPrivate : ResourceRule<ApiGatewayRestApi>
{
    protected override Outcome Check(ApiGatewayRestApi api, RuleContext context)
    {
        if (!api.EndpointTypes.TryGet(out var types))
        {
            return Outcome.Unknown($"The endpoint type is unknown: {api.EndpointTypes.UnknownReason}.", api.EndpointTypes.Source);
        }

        return types.Count > 0 && types.All(t => t is "REGIONAL" or "PRIVATE")
            ? Outcome.Pass($"The API has a {string.Join("/", types)} endpoint.")
            : Outcome.Fail($"The API has an edge-optimised endpoint{(api.EndpointTypes.IsDefault ? " (the default)" : "")}: an AWS-managed CloudFront distribution that you cannot put a web ACL, logging or TLS policy on.", api.EndpointTypes.Source);
    }
}
