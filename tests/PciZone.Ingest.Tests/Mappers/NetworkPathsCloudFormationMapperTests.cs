using System.Text;
using PciZone.Estate;
using PciZone.Ingest.CloudFormation;

namespace PciZone.Ingest.Tests.Mappers;

/// <summary>The network-path records from CloudFormation: the same estate as the Terraform plan gives.</summary>
public sealed class NetworkPathsCloudFormationMapperTests
{
    private static readonly Lazy<FileReadResult> Template = new(() =>
        CloudFormationReader.Read("t.yaml", Encoding.UTF8.GetBytes(Yaml), ""));

    private static IReadOnlyList<Resource> Resources => Template.Value.Resources;

    private static T Single<T>(string address)
        where T : Resource => Resources.OfType<T>().Single(r => r.Address == address);

    private static string?[] Addresses(Value<IReadOnlyList<ResourceRef>> refs) => refs.Get().Select(r => r.Address ?? r.Literal).ToArray();

    [Fact]
    public void Read_Template_HasNoErrorsAndEveryCompanionJoins()
    {
        Template.Value.Errors.ShouldBeEmpty();
        Template.Value.Notes.Where(n => n.Message.Contains("not joined", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void Vpc_CidrBlockResources_AreSecondaryCidrs_AndIpamOnesUnknown()
    {
        Single<Vpc>("Cde").SecondaryCidrBlocks.Get().ShouldBe(["10.2.0.0/16"]);
        Single<Vpc>("Shared").SecondaryCidrBlocks.IsUnknown.ShouldBeTrue();
    }

    [Fact]
    public void Instance_InlineInterfacesBecomeRecords_AndNamedOnesAreReferenced()
    {
        var dual = Single<Ec2Instance>("Dual");
        Addresses(dual.NetworkInterfaces).ShouldBe(["Dual.NetworkInterfaces[0]", "AppEni"]);
        dual.PrivateIp.Get().ShouldBe("10.0.1.5");
        var inline = Single<NetworkInterface>("Dual.NetworkInterfaces[0]");
        (inline.Subnet.Get()!.Address, inline.AttachedInstance.Get()!.Address, inline.DeviceIndex.Get()).ShouldBe(("AppSubnet", "Dual", 0));
        Addresses(inline.SecurityGroups).ShouldBe(["AppGroup"]);
        inline.PrivateIps.Get().ShouldBe(["10.0.1.5"]);

        var named = Single<NetworkInterface>("AppEni");
        named.AttachedInstance.Get().ShouldBeNull();
        named.SourceDestCheck.Get().ShouldBeFalse();
        named.PrivateIps.Get().ShouldBe(["10.0.1.10", "10.0.1.11"]);

        var data = Single<NetworkInterface>("DataEni");
        (data.AttachedInstance.Get()!.Address, data.DeviceIndex.Get()).ShouldBe(("Dual", 2));
        data.SourceDestCheck.IsDefault.ShouldBeTrue();
    }

    [Fact]
    public void ElasticIps_AssociationsNatAndLoadBalancer_AreLinked()
    {
        Single<ElasticIp>("ByAllocation").NetworkInterface.Get()!.Address.ShouldBe("AppEni");
        Single<ElasticIp>("ByPublicIp").Instance.Get()!.Address.ShouldBe("Dual");
        Single<ElasticIp>("Direct").Instance.Get()!.Address.ShouldBe("Dual");
        Addresses(Single<NatGateway>("Nat").ElasticIps).ShouldBe(["NatIp"]);
        Addresses(Single<LoadBalancer>("Nlb").ElasticIps).ShouldBe(["Unused"]);
        var unused = Single<ElasticIp>("Unused");
        (unused.Instance.Get(), unused.NetworkInterface.Get()).ShouldBe((null, null));
    }

    [Fact]
    public void Peering_SameAccountIsAccepted_CrossAccountNeedsTheRole()
    {
        var same = Single<VpcPeeringConnection>("Peering");
        (same.RequesterVpc.Get()!.Address, same.AccepterVpc.Get()!.Address, same.Accepted.Get()).ShouldBe(("Cde", "Shared", true));
        Single<VpcPeeringConnection>("CrossWithRole").Accepted.Get().ShouldBeTrue();
        Single<VpcPeeringConnection>("CrossWithoutRole").Accepted.IsUnknown.ShouldBeTrue();
    }

    [Fact]
    public void Routes_ResolveToTheirTargets_AndGatewayIdOfAVpnGatewayIsAVirtualPrivateGateway()
    {
        var table = Single<RouteTable>("AppTable");
        var byKind = table.Routes.ToDictionary(r => r.TargetKind, r => r.Target.Get()!.Address);
        byKind[RouteTargetKind.VpcPeering].ShouldBe("Peering");
        byKind[RouteTargetKind.EgressOnlyInternetGateway].ShouldBe("V6Gateway");
        byKind[RouteTargetKind.VirtualPrivateGateway].ShouldBe("Vgw");
        byKind[RouteTargetKind.TransitGateway].ShouldBe("Hub");
        byKind[RouteTargetKind.VpcEndpoint].ShouldBe("Gwlbe");
        table.Routes.Single(r => r.TargetKind == RouteTargetKind.VirtualPrivateGateway).DestinationPrefixList.Get().ShouldBe("Office");
        table.PropagatingVpnGateways.ShouldHaveSingleItem().Get()!.Address.ShouldBe("Vgw");
        Single<VpnGateway>("Vgw").Vpc.Get()!.Address.ShouldBe("Cde");
        Single<EgressOnlyInternetGateway>("V6Gateway").Vpc.Get()!.Address.ShouldBe("Cde");
    }

    [Fact]
    public void PrefixList_Entries_AndSecurityGroupRulesNameIt()
    {
        var list = Single<ManagedPrefixList>("Office");
        (list.Name.Get(), list.AddressFamily.Get()).ShouldBe(("office", "IPv4"));
        list.Cidrs.Get().ShouldBe(["192.0.2.0/24"]);
        Single<SecurityGroup>("AppGroup").Ingress.ShouldHaveSingleItem().PrefixLists.Get().ShouldBe(["Office"]);
    }

    [Fact]
    public void TransitGateway_TablesRoutesAssociationsPropagations_AndTheImpliedDefaultTable()
    {
        var attachment = Single<TransitGatewayVpcAttachment>("CdeAttachment");
        (attachment.TransitGateway.Get()!.Address, attachment.Vpc.Get()!.Address).ShouldBe(("Hub", "Cde"));
        attachment.DefaultRouteTableAssociation.IsDefault.ShouldBeTrue();
        Single<TransitGatewayVpcAttachment>("ImportedAttachment").Subnets.IsUnknown.ShouldBeTrue();

        var table = Single<TransitGatewayRouteTable>("CdeTgwTable");
        table.Associations.ShouldHaveSingleItem().Get()!.Address.ShouldBe("CdeAttachment");
        table.Propagations.ShouldHaveSingleItem().Get()!.Address.ShouldBe("CdeAttachment");
        table.Routes.ShouldHaveSingleItem().Blackhole.Get().ShouldBeTrue();
        Single<TransitGatewayRouteTable>("Hub.default_route_table").Routes.ShouldHaveSingleItem().Attachment.Get()!.Address.ShouldBe("CdeAttachment");
        Resources.OfType<TransitGatewayRouteTable>().ShouldNotContain(t => t.Address == "Isolated.default_route_table");
    }

    [Fact]
    public void Endpoints_TargetGroupsListenersAndNetworkedServices()
    {
        var s3 = Single<VpcEndpoint>("S3");
        (s3.EndpointType.Get(), s3.Policy.Get()).ShouldBe(("Gateway", null));
        Addresses(s3.RouteTables).ShouldBe(["AppTable"]);
        var kms = Single<VpcEndpoint>("Kms");
        (kms.EndpointType.Get(), kms.PrivateDnsEnabled.Get()).ShouldBe(("Interface", true));
        Addresses(kms.Subnets).ShouldBe(["AppSubnet"]);
        Addresses(kms.SecurityGroups).ShouldBe(["AppGroup"]);
        kms.Policy.Get().ShouldNotBeNull();

        var group = Single<TargetGroup>("AppTargets");
        (group.TargetType.Get(), group.Protocol.Get(), group.Port.Get()).ShouldBe(("instance", "TCP", 443));
        group.Targets.Select(t => (t.Target.Get()!.Address, t.Port.Get())).ShouldBe([("Dual", (int?)null), ("Dual", 8443)]);
        Addresses(Single<Listener>("Forward").DefaultTargetGroups).ShouldBe(["AppTargets"]);
        Addresses(Single<Listener>("Weighted").DefaultTargetGroups).ShouldBe(["AppTargets", "OtherTargets"]);

        Addresses(Single<DbSubnetGroup>("DataSubnets").Subnets).ShouldBe(["AppSubnet", "DataSubnet"]);
        Single<DbSubnetGroup>("DataSubnets").Name.Get().ShouldBe("data");
        Addresses(Single<EcsService>("Api").Subnets).ShouldBe(["AppSubnet"]);
        Addresses(Single<EcsService>("Api").SecurityGroups).ShouldBe(["AppGroup"]);
        Addresses(Single<EksCluster>("Eks").Subnets).ShouldBe(["AppSubnet", "DataSubnet"]);
        Addresses(Single<EksCluster>("Eks").SecurityGroups).ShouldBe(["AppGroup"]);

        Single<ResolverQueryLogConfig>("QueryLogs").Destination.Get()!.Address.ShouldBe("DnsLogs");
        Single<ResolverQueryLogConfigAssociation>("QueryLogsCde").Vpc.Get()!.Address.ShouldBe("Cde");
    }

    private const string Yaml = """
        Resources:
          Cde: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
          Shared: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.1.0.0/16}}
          CdeSecondary: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Cde, CidrBlock: 10.2.0.0/16}}
          CdeV6: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Cde, AmazonProvidedIpv6CidrBlock: true}}
          SharedIpam: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Shared, Ipv4IpamPoolId: ipam-pool-0123, Ipv4NetmaskLength: 20}}
          AppSubnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Cde, CidrBlock: 10.0.1.0/24}}
          DataSubnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Cde, CidrBlock: 10.0.2.0/24}}
          Office:
            Type: AWS::EC2::PrefixList
            Properties: {PrefixListName: office, AddressFamily: IPv4, MaxEntries: 5, Entries: [{Cidr: 192.0.2.0/24}]}
          AppGroup:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: app
              VpcId: !Ref Cde
              SecurityGroupIngress:
                - {IpProtocol: tcp, FromPort: 443, ToPort: 443, SourcePrefixListId: !GetAtt Office.PrefixListId}
          AppEni:
            Type: AWS::EC2::NetworkInterface
            Properties:
              SubnetId: !Ref AppSubnet
              GroupSet: [!Ref AppGroup]
              SourceDestCheck: false
              PrivateIpAddresses: [{PrivateIpAddress: 10.0.1.10, Primary: true}, {PrivateIpAddress: 10.0.1.11, Primary: false}]
          DataEni: {Type: AWS::EC2::NetworkInterface, Properties: {SubnetId: !Ref DataSubnet}}
          Dual:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              NetworkInterfaces:
                - {DeviceIndex: "0", SubnetId: !Ref AppSubnet, GroupSet: [!Ref AppGroup], PrivateIpAddress: 10.0.1.5}
                - {DeviceIndex: "1", NetworkInterfaceId: !Ref AppEni}
          DataAttachment:
            Type: AWS::EC2::NetworkInterfaceAttachment
            Properties: {InstanceId: !Ref Dual, NetworkInterfaceId: !Ref DataEni, DeviceIndex: "2"}
          ByAllocation: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}
          ByAllocationAssociation:
            Type: AWS::EC2::EIPAssociation
            Properties: {AllocationId: !GetAtt ByAllocation.AllocationId, NetworkInterfaceId: !Ref AppEni}
          ByPublicIp: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}
          ByPublicIpAssociation: {Type: AWS::EC2::EIPAssociation, Properties: {EIP: !Ref ByPublicIp, InstanceId: !Ref Dual}}
          Direct: {Type: AWS::EC2::EIP, Properties: {Domain: vpc, InstanceId: !Ref Dual}}
          NatIp: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}
          Unused: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}
          Nat: {Type: AWS::EC2::NatGateway, Properties: {SubnetId: !Ref AppSubnet, AllocationId: !GetAtt NatIp.AllocationId}}
          Nlb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Type: network
              SubnetMappings: [{SubnetId: !Ref AppSubnet, AllocationId: !GetAtt Unused.AllocationId}]
          Peering: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Cde, PeerVpcId: !Ref Shared}}
          CrossWithRole:
            Type: AWS::EC2::VPCPeeringConnection
            Properties: {VpcId: !Ref Cde, PeerVpcId: vpc-0aaa, PeerOwnerId: "111122223333", PeerRoleArn: "arn:aws:iam::111122223333:role/peer"}
          CrossWithoutRole:
            Type: AWS::EC2::VPCPeeringConnection
            Properties: {VpcId: !Ref Cde, PeerVpcId: vpc-0bbb, PeerOwnerId: "111122223333"}
          V6Gateway: {Type: AWS::EC2::EgressOnlyInternetGateway, Properties: {VpcId: !Ref Cde}}
          Vgw: {Type: AWS::EC2::VPNGateway, Properties: {Type: ipsec.1}}
          VgwAttachment: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Cde, VpnGatewayId: !Ref Vgw}}
          Hub: {Type: AWS::EC2::TransitGateway, Properties: {}}
          Isolated:
            Type: AWS::EC2::TransitGateway
            Properties: {DefaultRouteTableAssociation: disable, DefaultRouteTablePropagation: disable}
          CdeAttachment:
            Type: AWS::EC2::TransitGatewayVpcAttachment
            Properties: {TransitGatewayId: !Ref Hub, VpcId: !Ref Cde, SubnetIds: [!Ref AppSubnet]}
          ImportedAttachment:
            Type: AWS::EC2::TransitGatewayAttachment
            Properties: {TransitGatewayId: !Ref Hub, VpcId: !Ref Shared, SubnetIds: !Split [",", !ImportValue shared-subnets]}
          CdeTgwTable: {Type: AWS::EC2::TransitGatewayRouteTable, Properties: {TransitGatewayId: !Ref Hub}}
          CdeTgwAssociation:
            Type: AWS::EC2::TransitGatewayRouteTableAssociation
            Properties: {TransitGatewayAttachmentId: !Ref CdeAttachment, TransitGatewayRouteTableId: !Ref CdeTgwTable}
          CdeTgwPropagation:
            Type: AWS::EC2::TransitGatewayRouteTablePropagation
            Properties: {TransitGatewayAttachmentId: !Ref CdeAttachment, TransitGatewayRouteTableId: !Ref CdeTgwTable}
          Blackhole:
            Type: AWS::EC2::TransitGatewayRoute
            Properties: {TransitGatewayRouteTableId: !Ref CdeTgwTable, DestinationCidrBlock: 10.9.0.0/16, Blackhole: true}
          ToCdeByDefault:
            Type: AWS::EC2::TransitGatewayRoute
            Properties: {TransitGatewayRouteTableId: !Ref Hub, DestinationCidrBlock: 10.0.0.0/16, TransitGatewayAttachmentId: !Ref CdeAttachment}
          AppTable: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Cde}}
          ToShared: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref AppTable, DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: !Ref Peering}}
          ToV6: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref AppTable, DestinationIpv6CidrBlock: "::/0", EgressOnlyInternetGatewayId: !Ref V6Gateway}}
          ToOffice: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref AppTable, DestinationPrefixListId: !Ref Office, GatewayId: !Ref Vgw}}
          ToHub: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref AppTable, DestinationCidrBlock: 10.8.0.0/16, TransitGatewayId: !Ref Hub}}
          ToInspection: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref AppTable, DestinationCidrBlock: 0.0.0.0/0, VpcEndpointId: !Ref Gwlbe}}
          Propagation: {Type: AWS::EC2::VPNGatewayRoutePropagation, Properties: {RouteTableIds: [!Ref AppTable], VpnGatewayId: !Ref Vgw}}
          S3:
            Type: AWS::EC2::VPCEndpoint
            Properties: {VpcId: !Ref Cde, ServiceName: com.amazonaws.eu-west-1.s3, RouteTableIds: [!Ref AppTable]}
          Gwlbe:
            Type: AWS::EC2::VPCEndpoint
            Properties: {VpcId: !Ref Cde, ServiceName: com.amazonaws.vpce.eu-west-1.vpce-svc-0123, VpcEndpointType: GatewayLoadBalancer, SubnetIds: [!Ref AppSubnet]}
          Kms:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              VpcId: !Ref Cde
              ServiceName: com.amazonaws.eu-west-1.kms
              VpcEndpointType: Interface
              PrivateDnsEnabled: true
              SubnetIds: [!Ref AppSubnet]
              SecurityGroupIds: [!Ref AppGroup]
              PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: "kms:Decrypt", Resource: "*"}]}
          AppTargets:
            Type: AWS::ElasticLoadBalancingV2::TargetGroup
            Properties: {Protocol: tcp, Port: 443, VpcId: !Ref Cde, Targets: [{Id: !Ref Dual}, {Id: !Ref Dual, Port: 8443}]}
          OtherTargets:
            Type: AWS::ElasticLoadBalancingV2::TargetGroup
            Properties: {Protocol: TCP, Port: 443, VpcId: !Ref Cde, TargetType: ip}
          Forward:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties: {LoadBalancerArn: !Ref Nlb, Port: 443, Protocol: TCP, DefaultActions: [{Type: forward, TargetGroupArn: !Ref AppTargets}]}
          Weighted:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref Nlb
              Port: 8443
              Protocol: TCP
              DefaultActions:
                - Type: forward
                  ForwardConfig: {TargetGroups: [{TargetGroupArn: !Ref AppTargets, Weight: 1}, {TargetGroupArn: !Ref OtherTargets, Weight: 1}]}
          DataSubnets:
            Type: AWS::RDS::DBSubnetGroup
            Properties: {DBSubnetGroupName: data, DBSubnetGroupDescription: data, SubnetIds: [!Ref AppSubnet, !Ref DataSubnet]}
          Api:
            Type: AWS::ECS::Service
            Properties:
              Cluster: main
              TaskDefinition: api:1
              LaunchType: FARGATE
              NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [!Ref AppSubnet], SecurityGroups: [!Ref AppGroup]}}
          Eks:
            Type: AWS::EKS::Cluster
            Properties:
              RoleArn: arn:aws:iam::111122223333:role/eks
              ResourcesVpcConfig: {SubnetIds: [!Ref AppSubnet, !Ref DataSubnet], SecurityGroupIds: [!Ref AppGroup]}
          DnsLogs: {Type: AWS::Logs::LogGroup, Properties: {LogGroupName: dns}}
          QueryLogs: {Type: AWS::Route53Resolver::ResolverQueryLoggingConfig, Properties: {Name: cde, DestinationArn: !GetAtt DnsLogs.Arn}}
          QueryLogsCde:
            Type: AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation
            Properties: {ResolverQueryLogConfigId: !Ref QueryLogs, ResourceId: !Ref Cde}
        """;
}
