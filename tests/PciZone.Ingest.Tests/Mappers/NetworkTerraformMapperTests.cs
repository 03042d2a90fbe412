using System.Reflection;
using PciZone.Estate;
using PciZone.Ingest.Terraform;

namespace PciZone.Ingest.Tests.Mappers;

/// <summary>Reads the real plans of the network and compute rule fixtures and checks what the mappers make of them.</summary>
public sealed class NetworkTerraformMapperTests
{
    private static readonly Type[] OwnedTypes =
    [
        typeof(Vpc), typeof(Subnet), typeof(RouteTable), typeof(InternetGateway), typeof(NatGateway), typeof(SecurityGroup),
        typeof(NetworkAcl), typeof(FlowLog), typeof(EbsVolume), typeof(EbsDefaultEncryption), typeof(Ec2Instance),
        typeof(LoadBalancer), typeof(Listener),
    ];

    private static string RulesRoot => Path.Combine(TestData.RepoRoot, "src", "PciZone.Rules", "Aws");

    private static IReadOnlyList<Resource> ReadFixturePlan(string service, string slug)
    {
        var plan = Path.Combine(RulesRoot, service, slug, "fixtures", "terraform", "plan.json");
        var result = TerraformPlanReader.Read(plan, File.ReadAllBytes(plan), "");
        result.Errors.ShouldBeEmpty();
        return result.Resources;
    }

    private static T Single<T>(IReadOnlyList<Resource> resources, string address)
        where T : Resource => resources.OfType<T>().Single(r => r.Address == address);

    [Fact]
    public void VpcSecurityGroupRule_ForEach_JoinsIntoEachGroupAsAllPortsRule()
    {
        var group = Single<SecurityGroup>(
            ReadFixturePlan("VPC", "security-group-admin-ports-closed-to-internet"),
            "module.fail_rule_resources.aws_security_group.each[\"green\"]");

        var rule = group.Ingress.ShouldHaveSingleItem();
        rule.Protocol.Get().ShouldBe("-1");
        (rule.FromPort.Get(), rule.ToPort.Get()).ShouldBe((0, 65535));
        rule.Ipv4Cidrs.Get().ShouldBe(["0.0.0.0/0"]);
        group.JoinedFrom.ShouldBe(["module.fail_rule_resources.aws_vpc_security_group_ingress_rule.each_all[\"green\"]"]);
    }

    [Fact]
    public void SecurityGroup_WithoutRuleBlocks_HasNoRulesRatherThanUnknownOnes()
    {
        var resources = ReadFixturePlan("VPC", "vpc-default-security-group-restricts-all-traffic");
        var group = Single<SecurityGroup>(resources, "module.pass_default_closed.aws_default_security_group.this");

        group.IsDefault.ShouldBeTrue();
        group.Ingress.ShouldBeEmpty();
        group.Egress.ShouldBeEmpty();
        group.HasUnknownRules.ShouldBeFalse();
        group.Vpc.Get()!.Address.ShouldBe("module.pass_default_closed.aws_vpc.main");
    }

    [Fact]
    public void Instance_UnwrittenComputedAttributes_TakeAwsDefaultsOrFollowTheSubnet()
    {
        var resources = ReadFixturePlan("EC2", "ec2-instance-no-public-ip");
        var bare = Single<Ec2Instance>(resources, "module.fail_public.aws_instance.default_subnet");

        bare.Subnet.Get().ShouldBeNull();
        bare.MetadataHttpTokens.Get().ShouldBe("optional");
        bare.MetadataHttpTokens.IsDefault.ShouldBeTrue();
        bare.BlockDevicesEncrypted.ShouldHaveSingleItem().IsDefault.ShouldBeTrue();
        bare.AssociatePublicIp.IsUnknown.ShouldBeTrue();
        Single<Ec2Instance>(resources, "module.fail_public.aws_instance.inherits").Subnet.Get()!.Address
            .ShouldBe("module.fail_public.aws_subnet.public");
    }

    [Fact]
    public void NetworkAclRule_NumericProtocolIsNamed_AndCountJoinsByIndex()
    {
        var resources = ReadFixturePlan("VPC", "network-acl-admin-ports-closed-to-internet");
        var entries = Single<NetworkAcl>(resources, "module.pass_denied_or_narrow.aws_network_acl.deny_first").Entries;
        entries.Select(e => (e.RuleNumber.Get(), e.Protocol.Get(), e.Action.Get())).OrderBy(e => e.Item1)
            .ShouldBe([(10, "tcp", "deny"), (20, "tcp", "deny"), (100, "-1", "allow")]);

        Single<NetworkAcl>(resources, "module.fail_open_admin.aws_network_acl.ipv6[1]").JoinedFrom
            .ShouldBe(["module.fail_open_admin.aws_network_acl_rule.rdp_ipv6[1]"]);
    }

    [Fact]
    public void ClassicElb_EachListenerBlockIsAListenerResource()
    {
        var resources = ReadFixturePlan("ELB", "load-balancer-listener-uses-tls");
        var listener = Single<Listener>(resources, "module.pass_tls.aws_elb.classic.listener[0]");

        listener.Protocol.Get().ShouldBe("HTTPS");
        listener.Port.Get().ShouldBe(443);
        listener.LoadBalancer.Get()!.Address.ShouldBe("module.pass_tls.aws_elb.classic");
        Single<LoadBalancer>(resources, "module.pass_tls.aws_elb.classic").Kind.Get().ShouldBe("classic");
    }

    [Fact]
    public void EveryFixtureResource_HasEveryValuePropertyRead()
    {
        var unread = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var plan in Directory.EnumerateFiles(RulesRoot, "plan.json", SearchOption.AllDirectories)
                     .Where(p => p.Contains("/VPC/", StringComparison.Ordinal) || p.Contains("/EC2/", StringComparison.Ordinal) || p.Contains("/ELB/", StringComparison.Ordinal)))
        {
            var result = TerraformPlanReader.Read(plan, File.ReadAllBytes(plan), "");
            foreach (var resource in result.Resources.Where(r => OwnedTypes.Contains(r.GetType())))
            {
                seen.Add(resource.GetType());
                unread.AddRange(UnreadProperties(resource).Select(p => $"{resource.Address}.{p}"));
            }
        }

        seen.Count.ShouldBeGreaterThanOrEqualTo(OwnedTypes.Length - 3, "the fixture plans should exercise nearly every owned type");
        unread.ShouldBeEmpty();
    }

    // A property no mapper set is Unknown with the Value type's own "not read from the input" reason.
    private static IEnumerable<string> UnreadProperties(Resource resource) =>
        resource.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Value<>))
            .Where(p => (string?)p.PropertyType.GetProperty("UnknownReason")!.GetValue(p.GetValue(resource)) == "not read from the input")
            .Select(p => p.Name);
}
