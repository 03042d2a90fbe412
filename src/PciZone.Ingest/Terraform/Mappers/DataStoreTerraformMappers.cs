using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>DynamoDB tables, CloudWatch Logs log groups, SNS topics and SQS queues.</summary>
internal sealed class DataStoreTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_dynamodb_table", Table);
        registry.Primary("aws_cloudwatch_log_group", LogGroup);
        registry.Primary("aws_sns_topic", Topic);
        registry.Companion("aws_sns_topic_policy", TopicPolicy);
        registry.Primary("aws_sqs_queue", Queue);
        registry.Companion("aws_sqs_queue_policy", QueuePolicy);
    }

    private static void Table(IResourceView r, IEstateBuilder estate) => estate.Add(new DynamoDbTable
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Name = r.String("name"),

        // Both blocks are Optional+Computed, so the plan leaves an unwritten block unknown. Without the
        // block (or with enabled = false) the table uses the AWS-owned key and has no PITR.
        KmsEncryption = r.WrittenOr("server_side_encryption", v => v.Bool("server_side_encryption.enabled", false), false),
        KmsKey = r.WrittenOr("server_side_encryption.kms_key_arn", v => v.OptionalRef("server_side_encryption.kms_key_arn"), (ResourceRef?)null),
        PointInTimeRecovery = r.WrittenOr("point_in_time_recovery", v => v.Bool("point_in_time_recovery.enabled", false), false),
        DeletionProtection = r.Bool("deletion_protection_enabled", false),
    });

    private static void LogGroup(IResourceView r, IEstateBuilder estate) => estate.Add(new LogGroup
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Name = r.String("name").Map(n => n ?? ""),
        RetentionDays = r.Int("retention_in_days", 0),
        KmsKey = r.OptionalRef("kms_key_id"),
    });

    private static void Topic(IResourceView r, IEstateBuilder estate) => estate.Add(new SnsTopic
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        KmsKey = r.OptionalRef("kms_master_key_id"),
        Policy = r.WrittenPolicy("policy"),
        DeliveryStatusLogging = DeliveryStatusLogging(r),
    });

    private static readonly string[] FeedbackProtocols = ["application", "firehose", "http", "lambda", "sqs"];

    // A protocol logs its delivery status when a success or a failure feedback role is written.
    private static Value<IReadOnlyList<string>> DeliveryStatusLogging(IResourceView r)
    {
        var logged = new List<string>();
        foreach (var protocol in FeedbackProtocols)
        {
            var roles = new[] { $"{protocol}_success_feedback_role_arn", $"{protocol}_failure_feedback_role_arn" };
            // A role ARN computed at apply (a reference to an aws_iam_role) is still a role.
            if (roles.Any(role => r.IsWritten(role) && (r.String(role).IsUnknown || !string.IsNullOrEmpty(r.String(role).Get()))))
            {
                logged.Add(protocol);
            }
        }

        return Value.Of<IReadOnlyList<string>>(logged, r.Provenance);
    }

    private static void TopicPolicy(IResourceView r, IEstateBuilder estate) =>
        estate.Join<SnsTopic>(r, r.Ref("arn"), t => t with { Policy = r.Policy("policy") });

    private static void Queue(IResourceView r, IEstateBuilder estate)
    {
        var kmsKey = r.OptionalRef("kms_master_key_id");
        estate.Add(new SqsQueue
        {
            Address = r.Address,
            SourceType = r.Type,
            Provenance = r.Provenance,
            Tags = r.Tags("tags"),
            KmsKey = kmsKey,

            // Since October 2022 SQS enables SSE-SQS on new queues unless SSE-KMS is chosen or the
            // author turns it off; the plan leaves the unset attribute unknown.
            SqsManagedSse = r.WrittenOr("sqs_managed_sse_enabled", v => v.Bool("sqs_managed_sse_enabled", false), !r.IsWritten("kms_master_key_id")),
            Policy = r.WrittenPolicy("policy"),
        });
    }

    private static void QueuePolicy(IResourceView r, IEstateBuilder estate) =>
        estate.Join<SqsQueue>(r, r.Ref("queue_url"), q => q with { Policy = r.Policy("policy") });
}
