# PCI 10.4.1.1, 10.5.1: searchable copy of the trail for automated review, kept at least a year, KMS-encrypted.
resource "aws_cloudwatch_log_group" "trail" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.monitoring.arn
  tags              = var.tags
}

# PCI 7.2.5: CloudTrail alone, for this trail only, may assume the delivery role.
resource "aws_iam_role" "cloudtrail_to_logs" {
  name        = "${var.trail_name}-cloudwatch-logs"
  description = "CloudTrail delivery of ${var.trail_name} into ${local.log_group_name}"
  tags        = var.tags

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = {
          StringEquals = {
            "aws:SourceArn"     = local.trail_arn
            "aws:SourceAccount" = var.management_account_id
          }
        }
      },
    ]
  })
}

# PCI 7.2.5: the role writes log events into the trail's log group and nothing else.
resource "aws_iam_role_policy" "cloudtrail_to_logs" {
  name = "write-trail-log-group"
  role = aws_iam_role.cloudtrail_to_logs.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${local.log_group_arn}:log-stream:*"
      },
    ]
  })
}

# PCI 10.2.1, 10.2.1.1-10.2.1.7, 10.2.2, 10.3.3, 10.3.4: one trail for every account and region of the
# organisation; all management events and S3 object reads/writes in all buckets; digest files;
# SSE-KMS; delivered to the central log bucket and to CloudWatch Logs; PCI 10.7.2: a notification per
# delivered log file, whose absence raises an alarm (sns.tf).
resource "aws_cloudtrail" "org" {
  name                          = var.trail_name
  s3_bucket_name                = var.log_bucket_name
  kms_key_id                    = var.log_kms_key_arn
  is_organization_trail         = true
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  enable_logging                = true
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.cloudtrail_to_logs.arn
  sns_topic_name                = aws_sns_topic.deliveries.name
  tags                          = var.tags

  # PCI 10.4.1.1: CloudTrail Insights reviews the management events for unusual API call and error rates.
  insight_selector {
    insight_type = "ApiCallRateInsight"
  }

  insight_selector {
    insight_type = "ApiErrorRateInsight"
  }

  advanced_event_selector {
    name = "All management events"

    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }

  advanced_event_selector {
    name = "S3 object data events in all buckets"

    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }

    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }

  depends_on = [aws_iam_role_policy.cloudtrail_to_logs, aws_sns_topic_policy.deliveries]
}
