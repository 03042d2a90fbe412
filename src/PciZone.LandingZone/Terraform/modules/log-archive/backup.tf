# A second copy of the audit logs: AWS Backup copies both log buckets daily into a locked vault with
# a key of its own, so neither a bucket-level mistake nor the loss of the log key loses the logs.

locals {
  backup_name = "${var.name_prefix}-log-archive"
  backup_via  = "backup.*.amazonaws.com"
  # COMPLIANCE: nobody can shorten or remove the lock after the grace days. GOVERNANCE (for trials)
  # locks without grace days, which privileged users can remove; the vault policy still denies deletion.
  vault_lock_changeable_days = var.object_lock_mode == "COMPLIANCE" ? var.backup_vault_lock_changeable_days : null

  backup_key_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # PCI 3.6.1: the account administers the key (through IAM) but cannot encrypt or decrypt with it.
        Sid       = "KeyAdministrationByLogArchiveAccount"
        Effect    = "Allow"
        Principal = { AWS = local.account_root }
        Action    = local.key_admin_actions
        Resource  = "*"
      },
      {
        # PCI 3.5.1, 10.3.3: principals of this account use the key only through AWS Backup.
        Sid       = "UseThroughAwsBackup"
        Effect    = "Allow"
        Principal = { AWS = local.account_root }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          StringEquals = { "kms:CallerAccount" = var.account_id }
          StringLike   = { "kms:ViaService" = local.backup_via }
        }
      },
      {
        # AWS Backup keeps recovery points encrypted through grants it creates for them.
        Sid       = "GrantsForAwsBackupRecoveryPoints"
        Effect    = "Allow"
        Principal = { AWS = local.account_root }
        Action    = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]
        Resource  = "*"
        Condition = {
          Bool         = { "kms:GrantIsForAWSResource" = "true" }
          StringEquals = { "kms:CallerAccount" = var.account_id }
          StringLike   = { "kms:ViaService" = local.backup_via }
        }
      },
    ]
  })
}

# PCI 3.5.1, 3.6.1, 3.7.4, 10.3.3: the backup copies are encrypted with a key of their own, rotated
# yearly, usable only through AWS Backup.
resource "aws_kms_key" "backup" {
  description             = "${var.name_prefix} audit log archive backups (AWS Backup vault)"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = 30
  is_enabled              = true
  key_usage               = "ENCRYPT_DECRYPT"
  policy                  = local.backup_key_policy
  tags                    = var.tags
}

# PCI 3.6.1: a stable, reviewable name for the backup key in the key inventory.
resource "aws_kms_alias" "backup" {
  name          = "alias/${var.name_prefix}/log-archive-backup"
  target_key_id = aws_kms_key.backup.key_id
}

# PCI 10.3.3, 10.5.1: the vault that holds the second copy of every audit log.
resource "aws_backup_vault" "logs" {
  name          = local.backup_name
  kms_key_arn   = aws_kms_key.backup.arn
  force_destroy = false
  tags          = var.tags
}

# PCI 10.3.2, 10.5.1: recovery points cannot be deleted or shortened below the log retention.
resource "aws_backup_vault_lock_configuration" "logs" {
  backup_vault_name   = aws_backup_vault.logs.name
  changeable_for_days = local.vault_lock_changeable_days
  min_retention_days  = var.log_retention_days
}

# PCI 10.3.2: nobody deletes a recovery point or shortens its lifecycle, whatever their IAM rights.
resource "aws_backup_vault_policy" "logs" {
  backup_vault_name = aws_backup_vault.logs.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyRecoveryPointDeletion"
        Effect    = "Deny"
        Principal = "*"
        Action    = ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"]
        Resource  = "*"
      },
    ]
  })
}

# PCI 7.2.1, 7.2.2: AWS Backup alone, for this account only, assumes the role that reads the buckets.
resource "aws_iam_role" "backup" {
  name                 = "${local.backup_name}-backup"
  description          = "AWS Backup copies of the audit log buckets."
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AwsBackupOfThisAccount"
        Effect    = "Allow"
        Principal = { Service = "backup.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
      },
    ]
  })
  tags = var.tags
}

# PCI 7.2.2, 10.3.3: the AWS managed permissions for S3 backups (read objects and versions, decrypt
# through S3); restores are granted when a restore is tested or needed.
resource "aws_iam_role_policy_attachment" "backup_s3" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:${var.partition}:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup"
}

# PCI 3.5.1, 7.2.2: the role encrypts recovery points with the backup key, and no other key.
resource "aws_iam_role_policy" "backup_kms" {
  name = "backup-key"
  role = aws_iam_role.backup.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EncryptRecoveryPoints"
        Effect   = "Allow"
        Action   = ["kms:GenerateDataKey", "kms:Decrypt", "kms:DescribeKey"]
        Resource = aws_kms_key.backup.arn
      },
      {
        Sid       = "GrantsForRecoveryPoints"
        Effect    = "Allow"
        Action    = "kms:CreateGrant"
        Resource  = aws_kms_key.backup.arn
        Condition = { Bool = { "kms:GrantIsForAWSResource" = "true" } }
      },
    ]
  })
}

# PCI 10.3.3, 10.5.1: a daily copy, kept as long as the logs themselves.
resource "aws_backup_plan" "logs" {
  name = local.backup_name

  rule {
    rule_name           = "daily-audit-log-copy"
    target_vault_name   = aws_backup_vault.logs.name
    schedule            = "cron(0 5 ? * * *)"
    start_window        = 60
    completion_window   = 1440
    recovery_point_tags = var.tags

    lifecycle {
      delete_after = var.log_retention_days
    }
  }

  tags = var.tags
}

# PCI 10.3.3: both log buckets (audit logs and the record of access to them) are in the plan.
resource "aws_backup_selection" "logs" {
  name         = "audit-log-buckets"
  plan_id      = aws_backup_plan.logs.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = [aws_s3_bucket.logs.arn, aws_s3_bucket.access_logs.arn]
}
