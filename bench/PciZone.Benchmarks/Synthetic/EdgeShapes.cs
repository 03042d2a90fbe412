using System.Text.Json.Nodes;

namespace PciZone.Benchmarks.Synthetic;

/// <summary>An application load balancer with an HTTPS and an HTTP listener, as the AWS provider plans them.</summary>
internal static class EdgeShapes
{
    private static readonly string[] ListenerComputed =
    [
        "arn", "id", "mutual_authentication", "routing_http_request_x_amzn_mtls_clientcert_header_name",
        "routing_http_request_x_amzn_mtls_clientcert_issuer_header_name",
        "routing_http_request_x_amzn_mtls_clientcert_leaf_header_name",
        "routing_http_request_x_amzn_mtls_clientcert_serial_number_header_name",
        "routing_http_request_x_amzn_mtls_clientcert_subject_header_name",
        "routing_http_request_x_amzn_mtls_clientcert_validity_header_name",
        "routing_http_request_x_amzn_tls_cipher_suite_header_name", "routing_http_request_x_amzn_tls_version_header_name",
        "routing_http_response_access_control_allow_credentials_header_value",
        "routing_http_response_access_control_allow_headers_header_value",
        "routing_http_response_access_control_allow_methods_header_value",
        "routing_http_response_access_control_allow_origin_header_value",
        "routing_http_response_access_control_expose_headers_header_value",
        "routing_http_response_access_control_max_age_header_value",
        "routing_http_response_content_security_policy_header_value", "routing_http_response_server_enabled",
        "routing_http_response_strict_transport_security_header_value",
        "routing_http_response_x_content_type_options_header_value", "routing_http_response_x_frame_options_header_value",
        "tags_all", "tcp_idle_timeout_seconds",
    ];

    public static Shape LoadBalancer(StackDice d)
    {
        var s = new Shape("aws_lb", "web")
            .Block("access_logs", [], null, new JsonArray(), new JsonArray())
            .Default("client_keep_alive", 3600)
            .Block("connection_logs", [], null, new JsonArray(), new JsonArray())
            .Default("customer_owned_ipv4_pool", null).Default("desync_mitigation_mode", "defensive")
            .Default("dns_record_client_routing_policy", null)
            .Const("drop_invalid_header_fields", true)
            .Default("enable_cross_zone_load_balancing", null).Default("enable_deletion_protection", false)
            .Default("enable_http2", true).Default("enable_tls_version_and_cipher_suite_headers", false)
            .Default("enable_waf_fail_open", false).Default("enable_xff_client_port", false)
            .Default("enable_zonal_shift", false).Default("idle_timeout", 60)
            .Const("internal", false)
            .Block("ipam_pools", [], null, new JsonArray(), new JsonArray())
            .Const("load_balancer_type", "application")
            .Block("minimum_load_balancer_capacity", [], null, new JsonArray(), new JsonArray())
            .Const("name", $"{d.Name}-web")
            .Default("preserve_host_header", false).Default("tags", null).Default("timeouts", null)
            .Default("xff_header_processing_mode", "append")
            .Computed("arn", "arn_suffix", "dns_name", "enforce_security_group_inbound_rules_on_private_link_traffic", "id",
                "ip_address_type", "name_prefix", "security_groups", "subnet_mapping", "tags_all", "vpc_id", "zone_id")
            .UnknownFrom("subnets", "aws_subnet.app")
            .Sens("security_groups", new JsonArray()).Sens("subnet_mapping", new JsonArray())
            .Sens("subnets", new JsonArray()).Sens("tags_all", new JsonObject());
        s.Reads.Add(("aws_subnet.app", ""));
        return s;
    }

    public static Shape Https(StackDice d)
    {
        var policy = d.ModernTls ? "ELBSecurityPolicy-TLS13-1-2-2021-06" : "ELBSecurityPolicy-2016-08";
        return Listener("https", 443, "HTTPS", FixedResponse(), FixedResponseConfig())
            .Const("certificate_arn", "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000")
            .Const("ssl_policy", policy);
    }

    public static Shape Http(StackDice d)
    {
        var action = d.HttpRedirects ? Redirect() : FixedResponse();
        var config = d.HttpRedirects ? RedirectConfig() : FixedResponseConfig();
        return Listener("http", 80, "HTTP", action, config)
            .Default("certificate_arn", null)
            .Computed("ssl_policy");
    }

    private static Shape Listener(string name, int port, string protocol, JsonObject action, JsonObject actionConfig)
    {
        var mask = new JsonObject
        {
            ["authenticate_cognito"] = new JsonArray(), ["authenticate_oidc"] = new JsonArray(),
            ["fixed_response"] = action["type"]!.GetValue<string>() == "fixed-response" ? new JsonArray(new JsonObject()) : new JsonArray(),
            ["forward"] = new JsonArray(),
            ["redirect"] = action["type"]!.GetValue<string>() == "redirect" ? new JsonArray(new JsonObject()) : new JsonArray(),
        };
        var unknownMask = mask.DeepClone().AsObject();
        unknownMask["order"] = true;
        return new Shape("aws_lb_listener", name)
            .Default("alpn_policy", null)
            .Block("default_action", [action], [actionConfig], new JsonArray(unknownMask), new JsonArray(mask))
            .Ref("load_balancer_arn", "aws_lb.web", "arn")
            .Const("port", port)
            .Const("protocol", protocol)
            .Default("tags", null).Default("timeouts", null)
            .Computed(ListenerComputed)
            .Sens("mutual_authentication", new JsonArray()).Sens("tags_all", new JsonObject());
    }

    private static JsonObject Action(string type) => new()
    {
        ["authenticate_cognito"] = new JsonArray(), ["authenticate_oidc"] = new JsonArray(), ["fixed_response"] = new JsonArray(),
        ["forward"] = new JsonArray(), ["redirect"] = new JsonArray(), ["target_group_arn"] = null, ["type"] = type,
    };

    private static JsonObject Redirect()
    {
        var a = Action("redirect");
        a["redirect"] = new JsonArray(new JsonObject
        {
            ["host"] = "#{host}", ["path"] = "/#{path}", ["port"] = "443", ["protocol"] = "HTTPS", ["query"] = "#{query}", ["status_code"] = "HTTP_301",
        });
        return a;
    }

    private static JsonObject RedirectConfig() => new()
    {
        ["redirect"] = new JsonArray(new JsonObject
        {
            ["port"] = Shape.ConstValue("443"), ["protocol"] = Shape.ConstValue("HTTPS"), ["status_code"] = Shape.ConstValue("HTTP_301"),
        }),
        ["type"] = Shape.ConstValue("redirect"),
    };

    private static JsonObject FixedResponse()
    {
        var a = Action("fixed-response");
        a["fixed_response"] = new JsonArray(new JsonObject { ["content_type"] = "text/plain", ["message_body"] = null, ["status_code"] = "200" });
        return a;
    }

    private static JsonObject FixedResponseConfig() => new()
    {
        ["fixed_response"] = new JsonArray(new JsonObject
        {
            ["content_type"] = Shape.ConstValue("text/plain"), ["status_code"] = Shape.ConstValue("200"),
        }),
        ["type"] = Shape.ConstValue("fixed-response"),
    };
}
