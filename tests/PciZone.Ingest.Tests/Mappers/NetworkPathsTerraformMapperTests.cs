using System.Reflection;
using PciZone.Estate;
using PciZone.Ingest.Terraform;

namespace PciZone.Ingest.Tests.Mappers;

/// <summary>
/// Reads the real plan of TestData/terraform/network-paths (every network-path record with its
/// companions) and checks the joins the network model depends on.
/// </summary>
public sealed class NetworkPathsTerraformMapperTests
{
    private static readonly Lazy<FileReadResult> Plan = new(() =>
    {
        var plan = Path.Combine(TestData.Root, "terraform", "network-paths", "plan.json");
        return TerraformPlanReader.Read(plan, File.ReadAllBytes(plan), "");
    });

    private static IReadOnlyList<Resource> Resources => Plan.Value.Resources;

    private static T Single<T>(string address)
        where T : Resource => Resources.OfType<T>().Single(r => r.Address == address);

    private static string?[] Addresses(Value<IReadOnlyList<ResourceRef>> refs) => refs.Get().Select(r => r.Address ?? r.Literal).ToArray();

    [Fact]
    public void Read_NetworkPathsPlan_HasNoErrorsAndEveryCompanionJoins()
    {
        Plan.Value.Errors.ShouldBeEmpty();
        Plan.Value.Notes.Where(n => n.Message.Contains("not joined", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void Vpc_SecondaryCidrAssociations_JoinLiteralAndIpamUnknown()
    {
        Single<Vpc>("aws_vpc.cde").SecondaryCidrBlocks.Get().ShouldBe(["10.2.0.0/16"]);
        Single<Vpc>("aws_vpc.shared").SecondaryCidrBlocks.IsUnknown.ShouldBeTrue();
    }

    [Fact]
    public void NetworkInterface_AttachmentsAndGroupAttachments_Join()
    {
        var app = Single<NetworkInterface>("aws_network_interface.app");
        app.Subnet.Get()!.Address.ShouldBe("aws_subnet.app");
        Addresses(app.SecurityGroups).ShouldBe(["aws_security_group.app"]);
        app.PrivateIps.Get().ShouldBe(["10.0.1.10"]);
        app.SourceDestCheck.Get().ShouldBeFalse();
        app.AttachedInstance.Get().ShouldBeNull();
        app.DeviceIndex.Get().ShouldBeNull();

        var data = Single<NetworkInterface>("aws_network_interface.data");
        data.AttachedInstance.Get()!.Address.ShouldBe("aws_instance.app");
        data.DeviceIndex.Get().ShouldBe(1);
        Addresses(data.SecurityGroups).ShouldBe(["aws_security_group.extra"]);
        data.PrivateIps.Get().ShouldBeEmpty();
        data.SourceDestCheck.Get().ShouldBeTrue();

        var inline = Single<NetworkInterface>("aws_network_interface.inline_attached");
        (inline.AttachedInstance.Get()!.Address, inline.DeviceIndex.Get()).ShouldBe(("aws_instance.app", 2));
    }

    [Fact]
    public void Instance_InterfacesPrivateIpAndPrimaryInterfaceGroups()
    {
        var app = Single<Ec2Instance>("aws_instance.app");
        Addresses(app.NetworkInterfaces).ShouldBe(["aws_network_interface.app"]);
        app.PrivateIp.Get().ShouldBeNull();

        var plain = Single<Ec2Instance>("aws_instance.plain");
        plain.NetworkInterfaces.Get().ShouldBeEmpty();
        plain.PrivateIp.Get().ShouldBe("10.0.1.20");

        // The group attachment names the instance's primary interface: the group is the instance's.
        Addresses(plain.SecurityGroups).ShouldBe(["aws_security_group.app", "aws_security_group.extra"]);
    }

    [Fact]
    public void ElasticIp_AssociationInstanceNatAndLoadBalancer_AreLinked()
    {
        Single<ElasticIp>("aws_eip.associated").NetworkInterface.Get()!.Address.ShouldBe("aws_network_interface.app");
        Single<ElasticIp>("aws_eip.on_instance").Instance.Get()!.Address.ShouldBe("aws_instance.plain");
        var unused = Single<ElasticIp>("aws_eip.unused");
        (unused.Instance.Get(), unused.NetworkInterface.Get()).ShouldBe((null, null));
        Addresses(Single<NatGateway>("aws_nat_gateway.egress").ElasticIps).ShouldBe(["aws_eip.nat"]);
        Addresses(Single<LoadBalancer>("aws_lb.nlb").ElasticIps).ShouldBe(["aws_eip.unused"]);
    }

    [Fact]
    public void Peering_AccepterAndOptionsJoin_AndRoutesThroughTheAccepterPointAtTheConnection()
    {
        var peering = Single<VpcPeeringConnection>("aws_vpc_peering_connection.cde_shared");
        peering.RequesterVpc.Get()!.Address.ShouldBe("aws_vpc.cde");
        peering.AccepterVpc.Get()!.Address.ShouldBe("aws_vpc.shared");
        peering.Accepted.Get().ShouldBeTrue();
        peering.AccepterAllowsRemoteVpcDnsResolution.Get().ShouldBeTrue();
        peering.RequesterAllowsRemoteVpcDnsResolution.Get().ShouldBeFalse();

        var route = Single<RouteTable>("aws_route_table.app").Routes.Single(r => r.TargetKind == RouteTargetKind.VpcPeering);
        route.Target.Get()!.Address.ShouldBe("aws_vpc_peering_connection.cde_shared");
    }

    [Fact]
    public void InlineRoutes_ToSeveralPeerings_ArePairedWithTheirSourceBlocks()
    {
        var routes = Single<RouteTable>("aws_route_table.two_peerings").Routes.ToDictionary(r => r.DestinationCidr.Get()!, r => r.Target.Get());
        routes["10.1.0.0/16"]!.Address.ShouldBe("aws_vpc_peering_connection.cde_shared");
        routes["10.1.5.0/24"]!.Address.ShouldBe("aws_vpc_peering_connection.second");
        routes["10.7.0.0/16"]!.Literal.ShouldBe("pcx-0123456789abcdef0");
    }

    [Fact]
    public void Peering_AcceptedElsewhere_IsUnknown_AndAnAccepterWithoutItsRequestIsTheConnection()
    {
        Single<VpcPeeringConnection>("aws_vpc_peering_connection.cross_account").Accepted.IsUnknown.ShouldBeTrue();
        var accepter = Single<VpcPeeringConnection>("aws_vpc_peering_connection_accepter.from_elsewhere");
        accepter.Accepted.Get().ShouldBeTrue();
        accepter.AccepterVpc.IsUnknown.ShouldBeTrue();
    }

    [Fact]
    public void RouteTargets_ResolveToTheirGatewaysEndpointsAndInterfaces()
    {
        var table = Single<RouteTable>("aws_route_table.app");
        var byKind = table.Routes.ToDictionary(r => r.TargetKind, r => r.Target.Get()!.Address);
        byKind[RouteTargetKind.EgressOnlyInternetGateway].ShouldBe("aws_egress_only_internet_gateway.v6");
        byKind[RouteTargetKind.TransitGateway].ShouldBe("aws_ec2_transit_gateway.hub");
        byKind[RouteTargetKind.NetworkInterface].ShouldBe("aws_network_interface.app");
        byKind[RouteTargetKind.VirtualPrivateGateway].ShouldBe("aws_vpn_gateway.onprem");
        table.Routes.Single(r => r.TargetKind == RouteTargetKind.VirtualPrivateGateway).DestinationPrefixList.Get()
            .ShouldBe("aws_ec2_managed_prefix_list.office");
        table.PropagatingVpnGateways.Select(g => g.Get()!.Address).ShouldBe(["aws_vpn_gateway.onprem", "aws_vpn_gateway.onprem"]);
        Single<VpnGateway>("aws_vpn_gateway.onprem").Vpc.Get()!.Address.ShouldBe("aws_vpc.cde");
        Single<EgressOnlyInternetGateway>("aws_egress_only_internet_gateway.v6").Vpc.Get()!.Address.ShouldBe("aws_vpc.cde");
    }

    [Fact]
    public void SecurityGroup_InlineRuleReferences_ResolveFromTheGroupsReferences_AndUnknownCidrsStayUnknown()
    {
        var extra = Single<SecurityGroup>("aws_security_group.extra");
        var postgres = extra.Ingress.Single(r => r.FromPort.Get() == 5432);
        Addresses(postgres.SourceGroups).ShouldBe(["aws_security_group.app"]);
        postgres.Ipv4Cidrs.Get().ShouldBeEmpty();
        var https = extra.Ingress.Single(r => r.FromPort.Get() == 443);
        https.Ipv4Cidrs.IsUnknown.ShouldBeTrue();
        https.SourceGroups.Get().ShouldBeEmpty();
    }

    [Fact]
    public void SecurityGroup_InlineRulesNamingDifferentGroups_ArePairedWithTheirSourceBlocks()
    {
        var group = Single<SecurityGroup>("aws_security_group.two_peers");
        Addresses(group.Ingress.Single(r => r.Protocol.Get() == "tcp").SourceGroups).ShouldBe(["aws_security_group.app"]);
        Addresses(group.Ingress.Single(r => r.Protocol.Get() == "-1").SourceGroups).ShouldBe(["aws_security_group.extra", "aws_security_group.app"]);
    }

    [Fact]
    public void PrefixList_EntriesJoin_AndRulesNameItsAddress()
    {
        var list = Single<ManagedPrefixList>("aws_ec2_managed_prefix_list.office");
        list.Cidrs.Get().ShouldBe(["192.0.2.0/24", "198.51.100.0/24"]);
        (list.Name.Get(), list.AddressFamily.Get()).ShouldBe(("office", "IPv4"));

        var group = Single<SecurityGroup>("aws_security_group.app");
        group.Ingress.Single().PrefixLists.Get().ShouldBe(["aws_ec2_managed_prefix_list.office", "pl-6da54004"]);
        group.Egress.Single().PrefixLists.Get().ShouldBe(["aws_vpc_endpoint.s3"]);
    }

    [Fact]
    public void TransitGateway_AttachmentsRouteTablesAndTheImpliedDefaultTable()
    {
        var attachment = Single<TransitGatewayVpcAttachment>("aws_ec2_transit_gateway_vpc_attachment.cde");
        attachment.DefaultRouteTableAssociation.Get().ShouldBeFalse();
        attachment.DefaultRouteTablePropagation.Get().ShouldBeTrue();
        Addresses(attachment.Subnets).ShouldBe(["aws_subnet.app", "aws_subnet.data"]);

        var table = Single<TransitGatewayRouteTable>("aws_ec2_transit_gateway_route_table.cde");
        table.IsDefault.ShouldBeFalse();
        table.Associations.Single().Get()!.Address.ShouldBe(attachment.Address);
        table.Propagations.Single().Get()!.Address.ShouldBe(attachment.Address);
        var blackhole = table.Routes.ShouldHaveSingleItem();
        (blackhole.Blackhole.Get(), blackhole.Attachment.Get()).ShouldBe((true, null));

        var implied = Single<TransitGatewayRouteTable>("aws_ec2_transit_gateway.hub.default_route_table");
        implied.IsDefault.ShouldBeTrue();
        implied.Routes.ShouldHaveSingleItem().Attachment.Get()!.Address.ShouldBe(attachment.Address);

        var accepted = Single<TransitGatewayVpcAttachment>("aws_ec2_transit_gateway_vpc_attachment_accepter.shared");
        (accepted.DefaultRouteTableAssociation.Get(), accepted.DefaultRouteTablePropagation.Get()).ShouldBe((true, false));
        accepted.Vpc.IsUnknown.ShouldBeTrue();
    }

    [Fact]
    public void VpcEndpoint_AssociationsJoin_AndDefaultsApply()
    {
        var s3 = Single<VpcEndpoint>("aws_vpc_endpoint.s3");
        s3.EndpointType.Get().ShouldBe("Gateway");
        Addresses(s3.RouteTables).ShouldBe(["aws_route_table.app"]);
        s3.Policy.Get().ShouldBeNull();

        var kms = Single<VpcEndpoint>("aws_vpc_endpoint.kms");
        (kms.EndpointType.Get(), kms.PrivateDnsEnabled.Get()).ShouldBe(("Interface", true));
        Addresses(kms.Subnets).ShouldBe(["aws_subnet.app", "aws_subnet.data"]);
        Addresses(kms.SecurityGroups).ShouldBe(["aws_security_group.app"]);
        kms.Policy.Get().ShouldNotBeNull();
        kms.ServiceName.Get().ShouldBe("com.amazonaws.eu-west-1.kms");
    }

    [Fact]
    public void TargetGroups_AttachmentsJoin_AndListenersForwardToThem()
    {
        var app = Single<TargetGroup>("aws_lb_target_group.app");
        (app.TargetType.Get(), app.Protocol.Get(), app.Port.Get()).ShouldBe(("instance", "TCP", 8443));
        app.Targets.ShouldHaveSingleItem().Target.Get()!.Address.ShouldBe("aws_instance.app");
        var ip = Single<TargetGroup>("aws_lb_target_group.ips").Targets.ShouldHaveSingleItem();
        (ip.Target.Get()!.Literal, ip.Port.Get()).ShouldBe(("10.0.1.99", 8443));

        Addresses(Single<Listener>("aws_lb_listener.tcp").DefaultTargetGroups).ShouldBe(["aws_lb_target_group.app"]);
        Addresses(Single<Listener>("aws_lb_listener.weighted").DefaultTargetGroups).ShouldBe(["aws_lb_target_group.app", "aws_lb_target_group.ips"]);
    }

    [Fact]
    public void SubnetGroupsResolverLoggingEcsAndEks_NameTheirSubnetsAndGroups()
    {
        var group = Single<DbSubnetGroup>("aws_db_subnet_group.data");
        group.Name.Get().ShouldBe("data");
        Addresses(group.Subnets).ShouldBe(["aws_subnet.data", "aws_subnet.app"]);

        Single<ResolverQueryLogConfig>("aws_route53_resolver_query_log_config.cde").Destination.Get()!.Address.ShouldBe("aws_cloudwatch_log_group.dns");
        var association = Single<ResolverQueryLogConfigAssociation>("aws_route53_resolver_query_log_config_association.cde");
        (association.Config.Get()!.Address, association.Vpc.Get()!.Address).ShouldBe(("aws_route53_resolver_query_log_config.cde", "aws_vpc.cde"));

        var service = Single<EcsService>("aws_ecs_service.api");
        Addresses(service.Subnets).ShouldBe(["aws_subnet.app"]);
        Addresses(service.SecurityGroups).ShouldBe(["aws_security_group.app"]);
        var cluster = Single<EksCluster>("aws_eks_cluster.main");
        Addresses(cluster.Subnets).ShouldBe(["aws_subnet.app", "aws_subnet.data"]);
        Addresses(cluster.SecurityGroups).ShouldBe(["aws_security_group.extra"]);
    }

    [Fact]
    public void EveryNetworkPathRecord_HasEveryValuePropertyRead()
    {
        var types = typeof(NetworkInterface).Assembly.GetTypes()
            .Where(t => t.Namespace == "PciZone.Estate" && t.IsSubclassOf(typeof(Resource)))
            .Where(t => t.Name is nameof(NetworkInterface) or nameof(ElasticIp) or nameof(VpcPeeringConnection) or nameof(TransitGatewayVpcAttachment)
                or nameof(TransitGatewayRouteTable) or nameof(VpcEndpoint) or nameof(ManagedPrefixList) or nameof(EgressOnlyInternetGateway)
                or nameof(VpnGateway) or nameof(TargetGroup) or nameof(DbSubnetGroup) or nameof(ResolverQueryLogConfig)
                or nameof(ResolverQueryLogConfigAssociation) or nameof(Vpc) or nameof(NatGateway) or nameof(RouteTable))
            .ToList();
        types.Count.ShouldBe(16);
        var resources = Resources.Where(r => types.Contains(r.GetType())).ToList();
        resources.Select(r => r.GetType()).Distinct().Count().ShouldBe(types.Count);

        var unread = resources.SelectMany(r => r.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Value<>))
                .Where(p => (string?)p.PropertyType.GetProperty("UnknownReason")!.GetValue(p.GetValue(r)) == "not read from the input")
                .Select(p => $"{r.Address}.{p.Name}"))
            .ToList();
        unread.ShouldBeEmpty();
    }
}
