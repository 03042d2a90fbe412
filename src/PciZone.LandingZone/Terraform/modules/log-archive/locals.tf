locals {
  log_bucket_name        = "${var.name_prefix}-log-archive-${var.account_id}"
  access_log_bucket_name = "${var.name_prefix}-s3-access-logs-${var.account_id}"
  log_bucket_arn         = "arn:${var.partition}:s3:::${local.log_bucket_name}"
  access_log_bucket_arn  = "arn:${var.partition}:s3:::${local.access_log_bucket_name}"

  account_root    = "arn:${var.partition}:iam::${var.account_id}:root"
  org_trail_arns  = "arn:${var.partition}:cloudtrail:*:${var.management_account_id}:trail/*"
  config_path     = var.config_s3_key_prefix == "" ? "AWSLogs" : "${var.config_s3_key_prefix}/AWSLogs"
  flow_log_path   = var.flow_log_s3_key_prefix == "" ? "AWSLogs" : "${var.flow_log_s3_key_prefix}/AWSLogs"
  has_log_readers = length(var.log_reader_principal_arns) > 0

  # Key administration without any cryptographic use: custodians manage the key, services and
  # readers use it (PCI 3.6.1 few custodians, 7.2.1 least privilege).
  key_admin_actions = [
    "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey",
    "kms:EnableKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus",
    "kms:ListGrants", "kms:ListKeyPolicies", "kms:ListKeyRotations",
    "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:RevokeGrant", "kms:RotateKeyOnDemand",
    "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource", "kms:UpdateAlias",
    "kms:UpdateKeyDescription", "kms:DisableKey",
  ]

  bucket_tags = {
    logs        = merge(var.tags, { "pcizone:data-class" = "audit-log" })
    access_logs = merge(var.tags, { "pcizone:data-class" = "s3-access-log" })
  }
}
