# PCI 10.4.1, 10.4.1.1, 10.7.2, 12.10.5: security alarms reach the responders; messages encrypted at rest.
resource "aws_sns_topic" "alarms" {
  name              = "${var.trail_name}-security-alarms"
  display_name      = "PCI security alarms"
  kms_master_key_id = aws_kms_key.monitoring.arn
  tags              = var.tags
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
