using System.Text;
using PciZone.Estate;
using PciZone.Ingest.CloudFormation;

namespace PciZone.Ingest.Tests.Mappers;

public sealed class NetworkCloudFormationMapperTests
{
    private static IReadOnlyList<Resource> Read(string resources)
    {
        var result = CloudFormationReader.Read("t.yaml", Encoding.UTF8.GetBytes("Resources:\n" + resources), "");
        result.Errors.ShouldBeEmpty();
        return result.Resources;
    }

    private static T Single<T>(IReadOnlyList<Resource> resources, string address)
        where T : Resource => resources.OfType<T>().Single(r => r.Address == address);

    [Fact]
    public void SecurityGroup_WithoutEgressList_KeepsTheAwsAllowAllEgressRule()
    {
        var resources = Read("""
              Open:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: keeps the default
              Closed:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: lists its egress
                  SecurityGroupEgress:
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: 443
                      CidrIp: 10.0.0.0/8
            """);

        var open = Single<SecurityGroup>(resources, "Open").Egress.ShouldHaveSingleItem();
        open.Protocol.Get().ShouldBe("-1");
        open.Protocol.IsDefault.ShouldBeTrue();
        open.Ipv4Cidrs.Get().ShouldBe(["0.0.0.0/0"]);
        (open.FromPort.Get(), open.ToPort.Get()).ShouldBe((0, 65535));
        Single<SecurityGroup>(resources, "Closed").Egress.ShouldHaveSingleItem().Ipv4Cidrs.Get().ShouldBe(["10.0.0.0/8"]);
    }

    [Fact]
    public void SecurityGroupIngress_JoinsByGetAttAndNormalisesTheProtocol()
    {
        var resources = Read("""
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: g
              Rule:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: !GetAtt Group.GroupId
                  IpProtocol: "6"
                  FromPort: 22
                  ToPort: 22
                  CidrIpv6: ::/0
            """);

        var group = Single<SecurityGroup>(resources, "Group");
        var rule = group.Ingress.ShouldHaveSingleItem();
        rule.Protocol.Get().ShouldBe("tcp");
        rule.Ipv6Cidrs.Get().ShouldBe(["::/0"]);
        group.JoinedFrom.ShouldBe(["Rule"]);
    }

    [Fact]
    public void NetworkAclEntry_NumericProtocolAndAllProtocols_AreNormalised()
    {
        var resources = Read("""
              Acl:
                Type: AWS::EC2::NetworkAcl
                Properties:
                  VpcId: vpc-0123456789abcdef0
              Ssh:
                Type: AWS::EC2::NetworkAclEntry
                Properties:
                  NetworkAclId: !Ref Acl
                  RuleNumber: 100
                  Protocol: 6
                  RuleAction: ALLOW
                  CidrBlock: 0.0.0.0/0
                  PortRange: { From: 22, To: 22 }
              All:
                Type: AWS::EC2::NetworkAclEntry
                Properties:
                  NetworkAclId: !Ref Acl
                  RuleNumber: 200
                  Egress: true
                  Protocol: -1
                  RuleAction: deny
                  CidrBlock: 0.0.0.0/0
            """);

        var entries = Single<NetworkAcl>(resources, "Acl").Entries.OrderBy(e => e.RuleNumber.Get()).ToList();
        entries.Select(e => (e.Protocol.Get(), e.Action.Get(), e.Egress)).ShouldBe([("tcp", "allow", false), ("-1", "deny", true)]);
        (entries[0].FromPort.Get(), entries[0].ToPort.Get()).ShouldBe((22, 22));
        (entries[1].FromPort.Get(), entries[1].ToPort.Get()).ShouldBe((0, 65535));
    }

    [Fact]
    public void Instance_TakesMetadataOptionsFromItsLaunchTemplate_AndDefaultsWithoutOne()
    {
        var resources = Read("""
              Template:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    MetadataOptions:
                      HttpTokens: required
              WithTemplate:
                Type: AWS::EC2::Instance
                Properties:
                  LaunchTemplate:
                    LaunchTemplateId: !Ref Template
                    Version: "1"
              Bare:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-0123456789abcdef0
            """);

        var linked = Single<Ec2Instance>(resources, "WithTemplate");
        linked.MetadataHttpTokens.Get().ShouldBe("required");
        linked.MetadataHttpEndpoint.Get().ShouldBe("enabled");
        linked.JoinedFrom.ShouldBe(["Template"]);
        var bare = Single<Ec2Instance>(resources, "Bare");
        bare.MetadataHttpTokens.Get().ShouldBe("optional");
        bare.MetadataHttpTokens.IsDefault.ShouldBeTrue();
        bare.Subnet.Get().ShouldBeNull();
    }

    [Fact]
    public void ClassicLoadBalancer_ListenersBecomeListenerResourcesWithTheirReferencedPolicy()
    {
        var resources = Read("""
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Policies:
                    - PolicyName: modern
                      PolicyType: SSLNegotiationPolicyType
                      Attributes:
                        - Name: Reference-Security-Policy
                          Value: ELBSecurityPolicy-TLS-1-2-2017-01
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "80"
                      Protocol: https
                      PolicyNames: [modern]
                    - LoadBalancerPort: "465"
                      InstancePort: "465"
                      Protocol: SSL
            """);

        var listeners = resources.OfType<Listener>().OrderBy(l => l.Address, StringComparer.Ordinal).ToList();
        listeners.Select(l => l.Address).ShouldBe(["Classic.listener[0]", "Classic.listener[1]"]);
        listeners.Select(l => l.Protocol.Get()).ShouldBe(["HTTPS", "SSL"]);
        listeners[0].SslPolicy.Get().ShouldBe("ELBSecurityPolicy-TLS-1-2-2017-01");
        listeners[1].SslPolicy.Get().ShouldBe("ELBSecurityPolicy-2016-08");
        listeners[1].SslPolicy.IsDefault.ShouldBeTrue();
        listeners[0].LoadBalancer.Get()!.Address.ShouldBe("Classic");
    }

    [Fact]
    public void RoutesAssociationsAndGatewayAttachment_JoinIntoTheirPrimaries()
    {
        var resources = Read("""
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              Igw:
                Type: AWS::EC2::InternetGateway
              Attach:
                Type: AWS::EC2::VPCGatewayAttachment
                Properties:
                  VpcId: !Ref Vpc
                  InternetGatewayId: !Ref Igw
              Subnet:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: !Ref Vpc
                  CidrBlock: 10.0.1.0/24
              Table:
                Type: AWS::EC2::RouteTable
                Properties:
                  VpcId: !Ref Vpc
              Default:
                Type: AWS::EC2::Route
                Properties:
                  RouteTableId: !Ref Table
                  DestinationCidrBlock: 0.0.0.0/0
                  GatewayId: !Ref Igw
              Assoc:
                Type: AWS::EC2::SubnetRouteTableAssociation
                Properties:
                  RouteTableId: !Ref Table
                  SubnetId: !Ref Subnet
            """);

        Single<InternetGateway>(resources, "Igw").Vpc.Get()!.Address.ShouldBe("Vpc");
        var table = Single<RouteTable>(resources, "Table");
        var route = table.Routes.ShouldHaveSingleItem();
        route.TargetKind.ShouldBe(RouteTargetKind.InternetGateway);
        route.Target.Get()!.Address.ShouldBe("Igw");
        route.DestinationCidr.Get().ShouldBe("0.0.0.0/0");
        table.SubnetAssociations.ShouldHaveSingleItem().Get()!.Address.ShouldBe("Subnet");
    }
}
