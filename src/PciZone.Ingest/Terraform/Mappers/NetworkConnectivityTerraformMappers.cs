using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// Transit gateways, endpoint services, Client VPN and Site-to-Site VPN from a Terraform plan: the
/// ways traffic enters a VPC other than an internet gateway.
/// </summary>
internal sealed class NetworkConnectivityTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_ec2_transit_gateway", (r, e) => AddGateway(e, new TransitGateway
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            AutoAcceptSharedAttachments = Enabled(r, "auto_accept_shared_attachments", "disable"),
            DefaultRouteTableAssociation = Enabled(r, "default_route_table_association", "enable"),
            DefaultRouteTablePropagation = Enabled(r, "default_route_table_propagation", "enable"),
        }));
        registry.Primary("aws_vpc_endpoint_service", (r, e) => e.Add(new VpcEndpointService
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            AcceptanceRequired = r.Bool("acceptance_required", false),
            AllowedPrincipals = r.StringsOrEmpty("allowed_principals"),
        }));
        registry.Companion("aws_vpc_endpoint_service_allowed_principal", (r, e) =>
        {
            var principal = r.String("principal_arn");
            e.Join<VpcEndpointService>(r, r.Ref("vpc_endpoint_service_id"), s => s with { AllowedPrincipals = Append(s.AllowedPrincipals, principal) });
        });
        registry.Primary("aws_ec2_client_vpn_endpoint", (r, e) => e.Add(new ClientVpnEndpoint
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            ConnectionLogging = r.Bool("connection_log_options.enabled", false),
        }));
        registry.Primary("aws_ec2_client_vpn_authorization_rule", (r, e) => e.Add(new ClientVpnAuthorizationRule
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Endpoint = r.Ref("client_vpn_endpoint_id"),
            TargetNetworkCidr = r.String("target_network_cidr"),
            AuthorizeAllGroups = r.BoolOrDefault("authorize_all_groups", false),
            AccessGroupId = r.OptionalTextOrDefault("access_group_id").Map(s => string.IsNullOrEmpty(s) ? null : s),
        }));
        registry.Primary("aws_vpn_connection", (r, e) => e.Add(new VpnConnection
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            TunnelLogging =
            [
                r.BoolOrDefault("tunnel1_log_options.cloudwatch_log_options.log_enabled", false),
                r.BoolOrDefault("tunnel2_log_options.cloudwatch_log_options.log_enabled", false),
            ],
        }));
    }

    /// <summary>
    /// Adds a transit gateway and, unless both default association and propagation are off, the default
    /// route table AWS creates with it (<see cref="NetworkPathJoins.DefaultRouteTable"/>).
    /// </summary>
    internal static void AddGateway(IEstateBuilder e, TransitGateway gateway)
    {
        e.Add(gateway);
        if (gateway.DefaultRouteTableAssociation.GetOrDefault(true) || gateway.DefaultRouteTablePropagation.GetOrDefault(true))
        {
            e.Add(new TransitGatewayRouteTable
            {
                Address = gateway.Address + NetworkPathJoins.DefaultRouteTable, SourceType = gateway.SourceType, Provenance = gateway.Provenance,
                IsDefault = true,
                TransitGateway = Value.Of<ResourceRef?>(ResourceRef.To(gateway.Address), gateway.Provenance),
            });
        }
    }

    /// <summary>An <c>enable</c>/<c>disable</c> attribute as a boolean.</summary>
    internal static Value<bool> Enabled(IResourceView r, string path, string awsDefault) =>
        r.TextOrDefault(path, awsDefault).Map(s => string.Equals(s, "enable", StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds one item to a list; an unknown item makes the list unknown.</summary>
    internal static Value<IReadOnlyList<string>> Append(Value<IReadOnlyList<string>> list, Value<string?> item)
    {
        if (list.IsUnknown)
        {
            return list;
        }

        return item.TryGet(out var s)
            ? Value.Of<IReadOnlyList<string>>(s is null ? list.Get() : [.. list.Get(), s], list.Source)
            : Value.Unknown<IReadOnlyList<string>>(item.UnknownReason ?? "unknown", item.Source);
    }
}
