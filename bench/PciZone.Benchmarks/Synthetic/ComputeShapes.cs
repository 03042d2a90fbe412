using System.Text.Json.Nodes;

namespace PciZone.Benchmarks.Synthetic;

/// <summary>Instances, volumes, a database and a load balancer with listeners, as the AWS provider plans them.</summary>
internal static class ComputeShapes
{
    private static readonly string[] InstanceComputed =
    [
        "arn", "availability_zone", "capacity_reservation_specification", "cpu_core_count", "cpu_options",
        "cpu_threads_per_core", "disable_api_stop", "disable_api_termination", "ebs_block_device", "ebs_optimized",
        "enable_primary_ipv6", "enclave_options", "ephemeral_block_device", "host_id", "host_resource_group_arn",
        "iam_instance_profile", "id", "instance_initiated_shutdown_behavior", "instance_lifecycle",
        "instance_market_options", "instance_state", "ipv6_address_count", "ipv6_addresses", "key_name",
        "maintenance_options", "monitoring", "network_interface", "outpost_arn", "password_data", "placement_group",
        "placement_partition_number", "primary_network_interface_id", "private_dns", "private_dns_name_options",
        "private_ip", "public_dns", "public_ip", "secondary_private_ips", "security_groups", "spot_instance_request_id",
        "tags_all", "tenancy", "user_data", "user_data_base64",
    ];

    private static readonly string[] InstanceSensitiveEmpty =
    [
        "capacity_reservation_specification", "cpu_options", "credit_specification", "ebs_block_device", "enclave_options",
        "ephemeral_block_device", "instance_market_options", "ipv6_addresses", "launch_template", "maintenance_options",
        "network_interface", "private_dns_name_options", "secondary_private_ips", "security_groups", "vpc_security_group_ids",
    ];

    private static readonly string[] DbComputed =
    [
        "address", "arn", "availability_zone", "backup_target", "backup_window", "ca_cert_identifier", "character_set_name",
        "database_insights_mode", "db_name", "db_subnet_group_name", "domain_fqdn", "endpoint", "engine_lifecycle_support",
        "engine_version", "engine_version_actual", "hosted_zone_id", "id", "identifier_prefix", "iops",
        "latest_restorable_time", "license_model", "listener_endpoint", "maintenance_window", "master_user_secret",
        "master_user_secret_kms_key_id", "monitoring_role_arn", "multi_az", "nchar_character_set_name", "network_type",
        "option_group_name", "parameter_group_name", "performance_insights_kms_key_id",
        "performance_insights_retention_period", "port", "replica_mode", "replicas", "resource_id", "snapshot_identifier",
        "status", "storage_throughput", "storage_type", "tags_all", "timezone",
    ];

    public static Shape Instance(StackDice d, int index)
    {
        var metadata = new JsonObject
        {
            ["http_endpoint"] = "enabled", ["http_protocol_ipv6"] = "disabled", ["http_tokens"] = d.ImdsV2Required ? "required" : "optional",
        };
        var root = new JsonObject { ["delete_on_termination"] = true, ["encrypted"] = d.RootVolumeEncrypted, ["tags"] = null, ["volume_size"] = 20 };
        var s = new Shape("aws_instance", "app", 1) { Index = index }
            .Const("ami", "ami-0123456789abcdef0")
            .Const("associate_public_ip_address", d.PublicIp && index == 1)
            .Default("get_password_data", false).Default("hibernation", null)
            .Const("instance_type", "t3.micro")
            .Default("source_dest_check", true).Default("tags", null).Default("timeouts", null)
            .Default("user_data_replace_on_change", false).Default("volume_tags", null)
            .UnknownFrom("subnet_id", "aws_subnet.app", "count.index")
            .Ref("vpc_security_group_ids", "aws_security_group.app", "id")
            .Computed(InstanceComputed)
            .Block("credit_specification", [], null, new JsonArray())
            .Block("launch_template", [], null, new JsonArray())
            .Block("metadata_options", [metadata],
                [new JsonObject { ["http_endpoint"] = Shape.ConstValue("enabled"), ["http_tokens"] = Shape.ConstValue(metadata["http_tokens"]!.DeepClone()) }],
                new JsonArray(new JsonObject { ["http_put_response_hop_limit"] = true, ["instance_metadata_tags"] = true }),
                new JsonArray(new JsonObject()))
            .Block("root_block_device", [root],
                [new JsonObject { ["encrypted"] = Shape.ConstValue(d.RootVolumeEncrypted), ["volume_size"] = Shape.ConstValue(20) }],
                new JsonArray(new JsonObject
                {
                    ["device_name"] = true, ["iops"] = true, ["kms_key_id"] = true, ["tags_all"] = true,
                    ["throughput"] = true, ["volume_id"] = true, ["volume_type"] = true,
                }),
                new JsonArray(new JsonObject { ["tags_all"] = new JsonObject() }));
        s.Reads.Add(("aws_subnet.app", ""));
        foreach (var k in InstanceSensitiveEmpty)
        {
            s.Sens(k, new JsonArray());
        }

        return s.Sens("tags_all", new JsonObject());
    }

    public static Shape Volume(StackDice d)
    {
        var s = new Shape("aws_ebs_volume", "data")
            .Const("availability_zone", "eu-west-1a")
            .Const("encrypted", d.EbsEncrypted)
            .Default("final_snapshot", false).Default("multi_attach_enabled", null).Default("outpost_arn", null)
            .Const("size", 100)
            .Default("timeouts", null)
            .Computed("arn", "create_time", "id", "iops", "snapshot_id", "throughput", "type");
        if (d.EbsEncrypted)
        {
            s.Ref("kms_key_id", "aws_kms_key.main", "arn");
        }
        else
        {
            s.Computed("kms_key_id");
        }

        return NetworkShapes.Tagged(s);
    }

    public static Shape Database(StackDice d)
    {
        var logs = d.DbLogExports ? Shape.Array("postgresql", "upgrade") : Shape.Empty();
        var s = new Shape("aws_db_instance", "db", 2)
            .Const("allocated_storage", 20)
            .Default("allow_major_version_upgrade", null).Default("apply_immediately", false)
            .Default("auto_minor_version_upgrade", true)
            .Const("backup_retention_period", d.DbBackupDays)
            .Default("copy_tags_to_snapshot", false).Default("custom_iam_instance_profile", null)
            .Default("customer_owned_ip_enabled", null).Default("dedicated_log_volume", false)
            .Default("delete_automated_backups", true)
            .Const("deletion_protection", d.DbDeletionProtection)
            .Default("domain", null).Default("domain_auth_secret_arn", null).Default("domain_dns_ips", null)
            .Default("domain_iam_role_name", null).Default("domain_ou", null)
            .Const("enabled_cloudwatch_logs_exports", logs)
            .Const("engine", "postgres")
            .Default("final_snapshot_identifier", null).Default("iam_database_authentication_enabled", null)
            .Const("identifier", $"{d.Name}-db")
            .Const("instance_class", "db.t3.micro")
            .Const("manage_master_user_password", true)
            .Default("max_allocated_storage", null).Default("monitoring_interval", 0)
            .Default("password", null).Default("password_wo", null).Default("password_wo_version", null)
            .Default("performance_insights_enabled", false)
            .Const("publicly_accessible", d.DbPublic)
            .Default("replicate_source_db", null)
            .Const("skip_final_snapshot", true)
            .Const("storage_encrypted", d.DbEncrypted)
            .Default("tags", null).Default("timeouts", null).Default("upgrade_storage_config", null)
            .Const("username", "dbadmin")
            .Ref("vpc_security_group_ids", "aws_security_group.app", "id")
            .Computed(DbComputed)
            .Block("blue_green_update", [], null, new JsonArray(), new JsonArray())
            .Block("restore_to_point_in_time", [], null, new JsonArray(), new JsonArray())
            .Block("s3_import", [], null, new JsonArray(), new JsonArray())
            .Sens("enabled_cloudwatch_logs_exports", Shape.Falses(logs.Count))
            .Sens("listener_endpoint", new JsonArray()).Sens("master_user_secret", new JsonArray())
            .Sens("password", true).Sens("password_wo", true).Sens("replicas", new JsonArray())
            .Sens("tags_all", new JsonObject()).Sens("vpc_security_group_ids", new JsonArray())
            .With(x => x.Unknown["enabled_cloudwatch_logs_exports"] = Shape.Falses(logs.Count));
        if (d.DbEncrypted)
        {
            s.Ref("kms_key_id", "aws_kms_key.main", "arn");
        }
        else
        {
            s.Computed("kms_key_id");
        }

        return s;
    }
}
