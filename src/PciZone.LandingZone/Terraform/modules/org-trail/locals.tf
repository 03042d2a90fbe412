locals {
  account_root   = "arn:${var.partition}:iam::${var.management_account_id}:root"
  trail_arn      = "arn:${var.partition}:cloudtrail:${var.region}:${var.management_account_id}:trail/${var.trail_name}"
  log_group_name = "/aws/cloudtrail/${var.trail_name}"
  # Built from strings, not from the log group, because the key policy must exist before the group.
  log_group_arn   = "arn:${var.partition}:logs:${var.region}:${var.management_account_id}:log-group:${local.log_group_name}"
  alarm_topic_arn = "arn:${var.partition}:sns:${var.region}:${var.management_account_id}:${var.trail_name}-security-alarms"
  # Built from strings, so the topic policy and key policy can name the topic before it exists.
  deliveries_topic_name = "${var.trail_name}-log-deliveries"
  deliveries_topic_arn  = "arn:${var.partition}:sns:${var.region}:${var.management_account_id}:${local.deliveries_topic_name}"
  alarm_arns            = "arn:${var.partition}:cloudwatch:${var.region}:${var.management_account_id}:alarm:*"

  key_admin_actions = [
    "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey", "kms:DisableKey",
    "kms:EnableKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus",
    "kms:ListGrants", "kms:ListKeyPolicies", "kms:ListKeyRotations", "kms:ListResourceTags",
    "kms:PutKeyPolicy", "kms:RevokeGrant", "kms:RotateKeyOnDemand", "kms:ScheduleKeyDeletion",
    "kms:TagResource", "kms:UntagResource", "kms:UpdateAlias", "kms:UpdateKeyDescription",
  ]
}
