# PCI 3.6.1, 3.7.4, 10.3.1, 10.3.2: customer managed key for every audit log in the archive;
# rotated yearly, used only by the log-delivery services and by readers through S3.
resource "aws_kms_key" "logs" {
  description             = "${var.name_prefix} audit log archive (CloudTrail, Config, VPC flow logs, S3 access logs)"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = 30
  is_enabled              = true
  key_usage               = "ENCRYPT_DECRYPT"
  policy                  = local.log_key_policy
  tags                    = var.tags
}

# PCI 3.6.1: a stable, reviewable name for the log key in the key inventory.
resource "aws_kms_alias" "logs" {
  name          = "alias/${var.name_prefix}/log-archive"
  target_key_id = aws_kms_key.logs.key_id
}

locals {
  log_key_statements = concat(
    [
      {
        # PCI 3.6.1: the account administers the key (through IAM) but cannot encrypt or decrypt with it.
        Sid       = "KeyAdministrationByLogArchiveAccount"
        Effect    = "Allow"
        Principal = { AWS = local.account_root }
        Action    = local.key_admin_actions
        Resource  = "*"
      },
      {
        # PCI 10.3.1: principals of this account read logs only through S3, as their IAM policies allow.
        Sid       = "DecryptThroughS3InLogArchiveAccount"
        Effect    = "Allow"
        Principal = { AWS = local.account_root }
        Action    = ["kms:Decrypt", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          StringEquals = { "kms:CallerAccount" = var.account_id }
          StringLike   = { "kms:ViaService" = "s3.*.amazonaws.com" }
        }
      },
      {
        # PCI 10.3.3: only the organisation trail of the management account encrypts with this key.
        Sid       = "CloudTrailEncryptOrganizationTrail"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "kms:GenerateDataKey*"
        Resource  = "*"
        Condition = {
          StringLike = { "kms:EncryptionContext:aws:cloudtrail:arn" = local.org_trail_arns }
          ArnLike    = { "aws:SourceArn" = local.org_trail_arns }
        }
      },
      {
        # CloudTrail needs Decrypt and DescribeKey to deliver into a bucket that uses an S3 Bucket Key.
        Sid       = "CloudTrailDescribeAndBucketKeyDecrypt"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          ArnLike = { "aws:SourceArn" = local.org_trail_arns }
        }
      },
      {
        # PCI 10.3.3: AWS Config of the organisation's accounts writes encrypted snapshots and history.
        Sid       = "ConfigDeliveryFromOrganization"
        Effect    = "Allow"
        Principal = { Service = "config.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceOrgID" = var.organization_id }
        }
      },
      {
        # PCI 10.3.3: VPC flow logs of the organisation's accounts are delivered encrypted.
        Sid       = "FlowLogDeliveryFromOrganization"
        Effect    = "Allow"
        Principal = { Service = "delivery.logs.amazonaws.com" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceOrgID" = var.organization_id }
        }
      },
      {
        # PCI 10.2.1.3: S3 server access logs of the log bucket are written encrypted into the access-log bucket.
        Sid       = "S3ServerAccessLogDelivery"
        Effect    = "Allow"
        Principal = { Service = "logging.s3.amazonaws.com" }
        Action    = "kms:GenerateDataKey*"
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceAccount" = var.account_id }
          ArnLike      = { "aws:SourceArn" = local.log_bucket_arn }
        }
      },
    ],
    local.has_log_readers ? [
      {
        # PCI 10.3.1: named auditors in other accounts read logs only through S3.
        Sid       = "DecryptThroughS3ForLogReaders"
        Effect    = "Allow"
        Principal = { AWS = var.log_reader_principal_arns }
        Action    = ["kms:Decrypt", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          StringLike = { "kms:ViaService" = "s3.*.amazonaws.com" }
        }
      },
    ] : [],
  )

  log_key_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = local.log_key_statements
  })
}
