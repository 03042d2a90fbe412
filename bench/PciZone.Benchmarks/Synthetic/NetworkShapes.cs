using System.Text.Json.Nodes;

namespace PciZone.Benchmarks.Synthetic;

/// <summary>
/// VPC, subnets, security groups and their rules, instances, volumes and load balancers, shaped as
/// the AWS provider 5.100 plans them (attribute sets copied from real <c>terraform show -json</c>).
/// </summary>
internal static class NetworkShapes
{
    public static Shape Vpc(StackDice d)
    {
        var tags = new JsonObject { ["Name"] = d.Name, ["Zone"] = d.Index % 3 == 0 ? "cde" : "connected" };
        return new Shape("aws_vpc", "main", 1)
            .Default("assign_generated_ipv6_cidr_block", null)
            .Const("cidr_block", d.Cidr)
            .Const("enable_dns_hostnames", true)
            .Default("enable_dns_support", true)
            .Default("instance_tenancy", "default")
            .Default("ipv4_ipam_pool_id", null).Default("ipv4_netmask_length", null)
            .Default("ipv6_ipam_pool_id", null).Default("ipv6_netmask_length", null)
            .Const("tags", tags)
            .Default("tags_all", tags.DeepClone())
            .Computed("arn", "default_network_acl_id", "default_route_table_id", "default_security_group_id",
                "dhcp_options_id", "enable_network_address_usage_metrics", "id", "ipv6_association_id", "ipv6_cidr_block",
                "ipv6_cidr_block_network_border_group", "main_route_table_id", "owner_id")
            .Sens("tags", new JsonObject())
            .Sens("tags_all", new JsonObject())
            .With(s =>
            {
                s.Unknown["tags"] = new JsonObject();
                s.Unknown["tags_all"] = new JsonObject();
            });
    }

    public static Shape Subnet(StackDice d, int index)
    {
        var cidr = $"10.{d.Index % 250}.{index}.0/24";
        var s = new Shape("aws_subnet", "app", 1) { Index = index }
            .Default("assign_ipv6_address_on_creation", false)
            .KnownFrom("availability_zone", index == 0 ? "eu-west-1a" : "eu-west-1b", "count.index")
            .KnownFrom("cidr_block", cidr, "count.index")
            .Default("customer_owned_ipv4_pool", null).Default("enable_dns64", false)
            .Default("enable_lni_at_device_index", null)
            .Default("enable_resource_name_dns_a_record_on_launch", false)
            .Default("enable_resource_name_dns_aaaa_record_on_launch", false)
            .Default("ipv6_cidr_block", null).Default("ipv6_native", false)
            .Default("map_customer_owned_ip_on_launch", null)
            .Const("map_public_ip_on_launch", d.PublicIp && index == 1)
            .Default("outpost_arn", null)
            .Ref("vpc_id", "aws_vpc.main", "id")
            .Computed("arn", "availability_zone_id", "id", "ipv6_cidr_block_association_id", "owner_id",
                "private_dns_hostname_type_on_launch");
        return Tagged(s).Default("timeouts", null);
    }

    public static Shape WebGroup(StackDice d)
    {
        var ingress = SgRule(443, 443, "tcp", "0.0.0.0/0");
        var egress = SgRule(0, 0, "-1", "0.0.0.0/0");
        var s = new Shape("aws_security_group", "web", 1)
            .Const("description", $"{d.Name} web tier")
            .Const("name", $"{d.Name}-web")
            .Default("revoke_rules_on_delete", false)
            .Ref("vpc_id", "aws_vpc.main", "id")
            .Block("ingress", [ingress], null, new JsonArray(SgRuleMask()), new JsonArray(SgRuleMask()))
            .Block("egress", [egress], null, new JsonArray(SgRuleMask()), new JsonArray(SgRuleMask()))
            .Computed("arn", "id", "name_prefix", "owner_id");
        s.Expressions["ingress"] = Shape.ConstValue(new JsonArray(SgRuleConfig(443, 443, "tcp", "0.0.0.0/0")));
        s.Expressions["egress"] = Shape.ConstValue(new JsonArray(SgRuleConfig(0, 0, "-1", "0.0.0.0/0")));
        return Tagged(s).Default("timeouts", null);
    }

    /// <summary>A group whose rules live in separate rule resources: ingress and egress are unknown at plan time.</summary>
    public static Shape AppGroup(StackDice d)
    {
        var s = new Shape("aws_security_group", "app", 1)
            .Const("description", $"{d.Name} app tier")
            .Const("name", $"{d.Name}-app")
            .Default("revoke_rules_on_delete", false)
            .Ref("vpc_id", "aws_vpc.main", "id")
            .Computed("arn", "egress", "id", "ingress", "name_prefix", "owner_id");
        return Tagged(s).Default("timeouts", null);
    }

    public static Shape SshRule(StackDice d)
    {
        var cidr = d.SshOpenToWorld ? "0.0.0.0/0" : "10.0.0.0/8";
        return new Shape("aws_security_group_rule", "app_ssh", 2)
            .Const("cidr_blocks", Shape.Array(cidr))
            .Default("description", null)
            .Const("from_port", 22)
            .Default("ipv6_cidr_blocks", null).Default("prefix_list_ids", null)
            .Const("protocol", "tcp")
            .Default("self", false).Default("timeouts", null)
            .Const("to_port", 22)
            .Const("type", "ingress")
            .Ref("security_group_id", "aws_security_group.app", "id")
            .Computed("id", "security_group_rule_id", "source_security_group_id")
            .Sens("cidr_blocks", Shape.Falses(1))
            .With(s => s.Unknown["cidr_blocks"] = Shape.Falses(1));
    }

    /// <summary>Ingress from the web group: the referenced group id is unknown until apply.</summary>
    public static Shape AppFromWeb(StackDice d)
    {
        _ = d;
        var s = new Shape("aws_vpc_security_group_ingress_rule", "app_from_web")
            .Default("cidr_ipv4", null).Default("cidr_ipv6", null).Default("description", null)
            .Const("from_port", 8443)
            .Const("ip_protocol", "tcp")
            .Default("prefix_list_id", null)
            .Ref("referenced_security_group_id", "aws_security_group.web", "id")
            .Ref("security_group_id", "aws_security_group.app", "id")
            .Default("tags", null).Default("tags_all", new JsonObject())
            .Const("to_port", 8443)
            .Computed("arn", "id", "security_group_rule_id")
            .Sens("tags_all", new JsonObject());
        s.Unknown["tags_all"] = new JsonObject();
        return s;
    }

    /// <summary>A VPC flow log into the stack's log group.</summary>
    public static Shape FlowLog(StackDice d) =>
        Tagged(new Shape("aws_flow_log", "main")
            .Default("deliver_cross_account_role", null)
            .Block("destination_options", [], null, new JsonArray(), new JsonArray())
            .Default("eni_id", null)
            .Const("iam_role_arn", "arn:aws:iam::123456789012:role/flow-logs")
            .Ref("log_destination", "aws_cloudwatch_log_group.app", "arn")
            .Default("log_destination_type", "cloud-watch-logs")
            .Default("max_aggregation_interval", 600)
            .Default("subnet_id", null)
            .Const("traffic_type", d.FlowLogAllTraffic ? "ALL" : "ACCEPT")
            .Default("transit_gateway_attachment_id", null).Default("transit_gateway_id", null)
            .Ref("vpc_id", "aws_vpc.main", "id")
            .Computed("arn", "id", "log_format", "log_group_name"));

    internal static Shape Tagged(Shape s) =>
        s.Default("tags", null).Computed("tags_all").Sens("tags_all", new JsonObject());

    private static JsonObject SgRule(int from, int to, string protocol, string cidr) => new()
    {
        ["cidr_blocks"] = Shape.Array(cidr), ["description"] = "", ["from_port"] = from,
        ["ipv6_cidr_blocks"] = Shape.Empty(), ["prefix_list_ids"] = Shape.Empty(), ["protocol"] = protocol,
        ["security_groups"] = Shape.Empty(), ["self"] = false, ["to_port"] = to,
    };

    private static JsonObject SgRuleConfig(int from, int to, string protocol, string cidr) => new()
    {
        ["cidr_blocks"] = Shape.Array(cidr), ["description"] = null, ["from_port"] = from,
        ["ipv6_cidr_blocks"] = null, ["prefix_list_ids"] = null, ["protocol"] = protocol,
        ["security_groups"] = null, ["self"] = null, ["to_port"] = to,
    };

    private static JsonObject SgRuleMask() => new()
    {
        ["cidr_blocks"] = Shape.Falses(1), ["ipv6_cidr_blocks"] = Shape.Empty(),
        ["prefix_list_ids"] = Shape.Empty(), ["security_groups"] = Shape.Empty(),
    };
}
