# PCI 3.6.1, 3.7.4, 10.3.1: key of the trail's CloudWatch Logs copy and of the alarm topic, rotated yearly.
resource "aws_kms_key" "monitoring" {
  description             = "${var.trail_name} CloudWatch Logs copy of the organisation trail and security alarm topic"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = 30
  is_enabled              = true
  key_usage               = "ENCRYPT_DECRYPT"
  tags                    = var.tags

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # PCI 3.6.1: the management account administers the key (through IAM) without using it.
        Sid       = "KeyAdministrationByManagementAccount"
        Effect    = "Allow"
        Principal = { AWS = local.account_root }
        Action    = local.key_admin_actions
        Resource  = "*"
      },
      {
        # PCI 10.3.1: CloudWatch Logs uses the key only for this trail's log group.
        Sid       = "CloudWatchLogsForTrailLogGroup"
        Effect    = "Allow"
        Principal = { Service = "logs.${var.region}.amazonaws.com" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = {
          ArnEquals = { "kms:EncryptionContext:aws:logs:arn" = local.log_group_arn }
        }
      },
      {
        # PCI 10.4.1.1, 10.7.2: CloudWatch alarms publish to the encrypted topic. AWS documents this
        # grant without conditions (a kms:CallerAccount condition breaks alarm delivery); the topic
        # policy pins publishing to this account's alarms instead.
        Sid       = "CloudWatchAlarmsPublishToEncryptedTopic"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
      },
      {
        # PCI 10.7.2: CloudTrail publishes this trail's delivery notifications to the encrypted topic.
        Sid       = "CloudTrailPublishesDeliveryNotifications"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceArn" = local.trail_arn }
        }
      },
      {
        # PCI 10.4.1: principals of the account (as IAM allows) publish and read through SNS only.
        Sid       = "AccountUseThroughSns"
        Effect    = "Allow"
        Principal = { AWS = local.account_root }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:CallerAccount" = var.management_account_id
            "kms:ViaService"    = "sns.${var.region}.amazonaws.com"
          }
        }
      },
    ]
  })
}

# PCI 3.6.1: a stable, reviewable name for the monitoring key in the key inventory.
resource "aws_kms_alias" "monitoring" {
  name          = "alias/${var.trail_name}/monitoring"
  target_key_id = aws_kms_key.monitoring.key_id
}
