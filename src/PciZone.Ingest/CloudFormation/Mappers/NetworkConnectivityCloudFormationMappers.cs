using PciZone.Estate;
using PciZone.Ingest.Terraform.Mappers;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>Transit gateways, endpoint services, Client VPN and Site-to-Site VPN from a CloudFormation template.</summary>
internal sealed class NetworkConnectivityCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::EC2::TransitGateway", (r, e) => NetworkConnectivityTerraformMappers.AddGateway(e, new TransitGateway
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            AutoAcceptSharedAttachments = NetworkConnectivityTerraformMappers.Enabled(r, "AutoAcceptSharedAttachments", "disable"),
            DefaultRouteTableAssociation = NetworkConnectivityTerraformMappers.Enabled(r, "DefaultRouteTableAssociation", "enable"),
            DefaultRouteTablePropagation = NetworkConnectivityTerraformMappers.Enabled(r, "DefaultRouteTablePropagation", "enable"),
        }));

        // Principals are granted by a separate permissions resource; without one nobody may connect.
        registry.Primary("AWS::EC2::VPCEndpointService", (r, e) => e.Add(new VpcEndpointService
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            AcceptanceRequired = r.Bool("AcceptanceRequired", false),
            AllowedPrincipals = Value.Default<IReadOnlyList<string>>([], r.Provenance),
        }));
        registry.Companion("AWS::EC2::VPCEndpointServicePermissions", (r, e) =>
        {
            var principals = r.StringsOrEmpty("AllowedPrincipals");
            e.Join<VpcEndpointService>(r, r.Ref("ServiceId"), s => s with
            {
                AllowedPrincipals = principals.IsKnown && s.AllowedPrincipals.IsKnown
                    ? Value.Of<IReadOnlyList<string>>([.. s.AllowedPrincipals.Get(), .. principals.Get()], principals.Source)
                    : principals.IsUnknown ? principals : s.AllowedPrincipals,
            });
        });
        registry.Primary("AWS::EC2::ClientVpnEndpoint", (r, e) => e.Add(new ClientVpnEndpoint
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            ConnectionLogging = r.Bool("ConnectionLogOptions.Enabled", false),
        }));
        registry.Primary("AWS::EC2::ClientVpnAuthorizationRule", (r, e) => e.Add(new ClientVpnAuthorizationRule
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Endpoint = r.Ref("ClientVpnEndpointId"),
            TargetNetworkCidr = r.String("TargetNetworkCidr"),
            AuthorizeAllGroups = r.Bool("AuthorizeAllGroups", false),
            AccessGroupId = r.String("AccessGroupId").Map(s => string.IsNullOrEmpty(s) ? null : s),
        }));
        registry.Primary("AWS::EC2::VPNConnection", VpnConnection);
    }

    // A VPN connection always has two tunnels; a tunnel without options logs nothing.
    private static void VpnConnection(IResourceView r, IEstateBuilder e)
    {
        var options = r.Blocks("VpnTunnelOptionsSpecifications");
        var logging = Enumerable.Range(0, 2)
            .Select(i => i < options.Count
                ? options[i].Bool("LogOptions.CloudwatchLogOptions.LogEnabled", false)
                : Value.Default(false, r.At("VpnTunnelOptionsSpecifications")))
            .ToList();
        e.Add(new VpnConnection
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            TunnelLogging = logging,
        });
    }
}
