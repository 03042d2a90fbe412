# PCI 10.4.1, 10.4.1.1, 10.7.2, 12.10.5: security alarms reach the responders; messages encrypted at rest.
resource "aws_sns_topic" "alarms" {
  name              = "${var.trail_name}-security-alarms"
  display_name      = "PCI security alarms"
  kms_master_key_id = aws_kms_key.monitoring.arn
  # PCI 10.7.2: delivery status to HTTP(S) endpoints is logged (see aws_iam_role.sns_delivery_status).
  http_success_feedback_role_arn    = aws_iam_role.sns_delivery_status.arn
  http_failure_feedback_role_arn    = aws_iam_role.sns_delivery_status.arn
  http_success_feedback_sample_rate = 100
  tags                              = var.tags
}

# PCI 7.2.1, 10.4.1.1: only this account and its own CloudWatch alarms may use the topic.
resource "aws_sns_topic_policy" "alarms" {
  arn = aws_sns_topic.alarms.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountOwnerManagesTopic"
        Effect    = "Allow"
        Principal = { AWS = local.account_root }
        Action = [
          "sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:AddPermission", "sns:RemovePermission",
          "sns:DeleteTopic", "sns:Subscribe", "sns:ListSubscriptionsByTopic", "sns:Publish",
        ]
        Resource = local.alarm_topic_arn
      },
      {
        Sid       = "CloudWatchAlarmsOfThisAccountPublish"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = local.alarm_topic_arn
        Condition = {
          ArnLike      = { "aws:SourceArn" = local.alarm_arns }
          StringEquals = { "aws:SourceAccount" = var.management_account_id }
        }
      },
    ]
  })
}

# PCI 10.4.1, 12.10.5: optional e-mail recipient of the alarms (confirm the subscription from the mailbox).
resource "aws_sns_topic_subscription" "email" {
  count = var.alarm_email == null ? 0 : 1

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

# PCI 10.7.2: CloudTrail notifies this topic of every log file it delivers; the alarm below turns a
# silence into an alert. No subscriber: the topic's metrics are what is watched.
resource "aws_sns_topic" "deliveries" {
  name              = local.deliveries_topic_name
  display_name      = "Organisation trail log deliveries"
  kms_master_key_id = aws_kms_key.monitoring.arn
  # PCI 10.7.2: delivery status to HTTP(S) endpoints is logged (see aws_iam_role.sns_delivery_status).
  http_success_feedback_role_arn    = aws_iam_role.sns_delivery_status.arn
  http_failure_feedback_role_arn    = aws_iam_role.sns_delivery_status.arn
  http_success_feedback_sample_rate = 100
  tags                              = var.tags
}

# PCI 7.2.1, 10.7.2: only this trail may publish; the account owns the topic.
resource "aws_sns_topic_policy" "deliveries" {
  arn = aws_sns_topic.deliveries.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountOwnerManagesTopic"
        Effect    = "Allow"
        Principal = { AWS = local.account_root }
        Action = [
          "sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:AddPermission", "sns:RemovePermission",
          "sns:DeleteTopic", "sns:Subscribe", "sns:ListSubscriptionsByTopic",
        ]
        Resource = local.deliveries_topic_arn
      },
      {
        Sid       = "OrganizationTrailPublishes"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = local.deliveries_topic_arn
        Condition = {
          StringEquals = { "aws:SourceArn" = local.trail_arn }
        }
      },
    ]
  })
}

# PCI 10.7.2, 10.7.3: an hour without a single delivered log file means the trail stopped working
# (logging off, bucket or key policy broken); missing data counts as breaching.
resource "aws_cloudwatch_metric_alarm" "deliveries_stopped" {
  alarm_name          = "${var.trail_name}-log-deliveries-stopped"
  alarm_description   = "No log file delivered by organisation trail ${var.trail_name} for an hour (PCI 10.7.2)."
  namespace           = "AWS/SNS"
  metric_name         = "NumberOfMessagesPublished"
  dimensions          = { TopicName = aws_sns_topic.deliveries.name }
  statistic           = "Sum"
  period              = 3600
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

# PCI 10.7.2: SNS records in CloudWatch Logs whether each alarm reached its HTTP(S) endpoint (paging,
# ticketing), so a failed alert delivery leaves a trace. Assumable by SNS for this account only.
resource "aws_iam_role" "sns_delivery_status" {
  name        = "${var.trail_name}-sns-delivery-status"
  description = "SNS delivery status logging of the ${var.trail_name} topics"
  tags        = var.tags

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "sns.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = { StringEquals = { "aws:SourceAccount" = var.management_account_id } }
      },
    ]
  })
}

# PCI 7.2.5: the role writes SNS delivery status logs of this account and region only.
resource "aws_iam_role_policy" "sns_delivery_status" {
  name = "write-sns-delivery-status"
  role = aws_iam_role.sns_delivery_status.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:PutMetricFilter", "logs:PutRetentionPolicy"]
        Resource = "arn:${var.partition}:logs:${var.region}:${var.management_account_id}:log-group:sns/${var.region}/${var.management_account_id}/*"
      },
    ]
  })
}
