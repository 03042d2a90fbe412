using System.Text.Json.Nodes;

namespace PciZone.Benchmarks.Synthetic;

/// <summary>KMS key, log group, queue, topic, table and trail, as the AWS provider plans them.</summary>
internal static class DataShapes
{
    public static Shape Key(StackDice d, string name = "main")
    {
        var s = new Shape("aws_kms_key", name)
            .Default("bypass_policy_lockout_safety_check", false).Default("custom_key_store_id", null)
            .Default("customer_master_key_spec", "SYMMETRIC_DEFAULT")
            .Const("deletion_window_in_days", 30)
            .Const("description", $"{d.Name} {name} key")
            .Const("enable_key_rotation", d.KeyRotation)
            .Default("is_enabled", true).Default("key_usage", "ENCRYPT_DECRYPT")
            .Default("timeouts", null).Default("xks_key_id", null)
            .Computed("arn", "id", "key_id", "multi_region", "policy", "rotation_period_in_days");
        return NetworkShapes.Tagged(s);
    }

    public static Shape LogGroup(StackDice d)
    {
        var s = new Shape("aws_cloudwatch_log_group", "app")
            .Const("name", $"/{d.Name}/app")
            .Const("retention_in_days", d.LogRetentionDays)
            .Default("skip_destroy", false)
            .Computed("arn", "id", "log_group_class", "name_prefix");
        s = d.LogGroupKms ? s.Ref("kms_key_id", "aws_kms_key.main", "arn") : s.Default("kms_key_id", null);
        return NetworkShapes.Tagged(s);
    }

    public static Shape Queue(StackDice d)
    {
        var s = new Shape("aws_sqs_queue", "jobs")
            .Default("content_based_deduplication", false).Default("delay_seconds", 0).Default("fifo_queue", false)
            .Default("max_message_size", 262144).Default("message_retention_seconds", 345600)
            .Const("name", $"{d.Name}-jobs")
            .Default("receive_wait_time_seconds", 0).Default("timeouts", null).Default("visibility_timeout_seconds", 30)
            .Computed("arn", "deduplication_scope", "fifo_throughput_limit", "id", "name_prefix", "policy",
                "redrive_allow_policy", "redrive_policy", "url");
        s = d.QueueEncrypted
            ? s.Const("kms_master_key_id", "alias/aws/sqs").Const("kms_data_key_reuse_period_seconds", 300).Computed("sqs_managed_sse_enabled")
            : s.Default("kms_master_key_id", null).Computed("kms_data_key_reuse_period_seconds").Const("sqs_managed_sse_enabled", false);
        return NetworkShapes.Tagged(s);
    }

    public static Shape Topic(StackDice d)
    {
        var s = new Shape("aws_sns_topic", "events")
            .Const("name", $"{d.Name}-events")
            .Default("content_based_deduplication", false).Default("fifo_topic", false)
            .Default("archive_policy", null).Default("delivery_policy", null).Default("display_name", null)
            .Computed("arn", "beginning_archive_time", "fifo_throughput_scope", "id", "name_prefix", "owner", "policy",
                "signature_version", "tracing_config");
        foreach (var p in new[] { "application", "firehose", "http", "lambda", "sqs" })
        {
            s.Default($"{p}_failure_feedback_role_arn", null).Default($"{p}_success_feedback_role_arn", null)
                .Default($"{p}_success_feedback_sample_rate", null);
        }

        s = d.TopicKms ? s.Ref("kms_master_key_id", "aws_kms_key.main", "id") : s.Computed("kms_master_key_id");
        return NetworkShapes.Tagged(s);
    }

    public static Shape Table(StackDice d)
    {
        var sse = new JsonObject { ["enabled"] = d.TableKms };
        var sseConfig = new JsonObject { ["enabled"] = Shape.ConstValue(d.TableKms) };
        if (d.TableKms)
        {
            sseConfig["kms_key_arn"] = Shape.References("aws_kms_key.main", "arn");
        }

        var s = new Shape("aws_dynamodb_table", "state", 1)
            .Block("attribute", [new JsonObject { ["name"] = "pk", ["type"] = "S" }],
                [new JsonObject { ["name"] = Shape.ConstValue("pk"), ["type"] = Shape.ConstValue("S") }],
                new JsonArray(new JsonObject()), new JsonArray(new JsonObject()))
            .Const("billing_mode", "PAY_PER_REQUEST")
            .Default("deletion_protection_enabled", null)
            .Const("hash_key", "pk")
            .Const("name", $"{d.Name}-state")
            .Block("point_in_time_recovery", [new JsonObject { ["enabled"] = d.TableRecovery }],
                [new JsonObject { ["enabled"] = Shape.ConstValue(d.TableRecovery) }],
                new JsonArray(new JsonObject { ["recovery_period_in_days"] = true }), new JsonArray(new JsonObject()))
            .Default("range_key", null).Default("restore_date_time", null).Default("restore_source_name", null)
            .Default("restore_source_table_arn", null).Default("restore_to_latest_time", null)
            .Block("server_side_encryption", [sse], [sseConfig],
                new JsonArray(d.TableKms ? new JsonObject { ["kms_key_arn"] = true } : new JsonObject()), new JsonArray(new JsonObject()))
            .Default("stream_enabled", null).Default("table_class", null).Default("timeouts", null)
            .Computed("arn", "id", "read_capacity", "stream_arn", "stream_label", "stream_view_type", "ttl", "write_capacity");
        foreach (var empty in new[] { "global_secondary_index", "import_table", "local_secondary_index", "on_demand_throughput", "replica" })
        {
            s.Block(empty, [], null, new JsonArray(), new JsonArray());
        }

        if (d.TableKms)
        {
            s.Reads.Add(("aws_kms_key.main", "arn"));
        }
        else
        {
            sse["kms_key_arn"] = null;
        }

        return NetworkShapes.Tagged(s).Sens("ttl", new JsonArray());
    }

    /// <summary>A trail that writes to the bucket of the stack's storage module (a module output reference).</summary>
    public static Shape Trail(StackDice d)
    {
        var selector = new JsonObject
        {
            ["data_resource"] = new JsonArray(new JsonObject { ["type"] = "AWS::S3::Object", ["values"] = Shape.Array("arn:aws:s3") }),
            ["exclude_management_event_sources"] = null, ["include_management_events"] = true, ["read_write_type"] = "All",
        };
        var selectorConfig = new JsonObject
        {
            ["data_resource"] = new JsonArray(new JsonObject
            {
                ["type"] = Shape.ConstValue("AWS::S3::Object"), ["values"] = Shape.ConstValue(Shape.Array("arn:aws:s3")),
            }),
            ["include_management_events"] = Shape.ConstValue(true), ["read_write_type"] = Shape.ConstValue("All"),
        };
        var mask = new JsonArray(new JsonObject { ["data_resource"] = new JsonArray(new JsonObject { ["values"] = Shape.Falses(1) }) });
        var s = new Shape("aws_cloudtrail", "main", 1)
            .Block("advanced_event_selector", [], null, new JsonArray(), new JsonArray())
            .Default("cloud_watch_logs_group_arn", null).Default("cloud_watch_logs_role_arn", null)
            .Const("enable_log_file_validation", d.TrailValidation)
            .Default("enable_logging", true)
            .Block("event_selector", [selector], [selectorConfig], mask, mask.DeepClone())
            .Const("include_global_service_events", true)
            .Block("insight_selector", [], null, new JsonArray(), new JsonArray())
            .Const("is_multi_region_trail", true)
            .Default("is_organization_trail", false)
            .Const("name", $"{d.Name}-trail")
            .Default("s3_key_prefix", null).Default("sns_topic_name", null)
            .Ref("kms_key_id", "aws_kms_key.main", "arn")
            .UnknownFrom("s3_bucket_name", "module.storage.bucket_id", "module.storage")
            .Computed("arn", "home_region", "id", "sns_topic_arn");
        return NetworkShapes.Tagged(s);
    }
}
