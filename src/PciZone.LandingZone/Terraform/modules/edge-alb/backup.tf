# A second copy of the ALB logs (PCI 10.3.3: logs of external-facing technologies are backed up
# promptly to media that is difficult to modify): AWS Backup copies both log buckets daily into a
# locked vault encrypted with the caller's backup key. Created only when backup_logs is true (a plain
# bool: the key ARN is usually unknown until apply, and count must be known at plan).

locals {
  backup           = var.backup_logs
  backup_name      = "${var.name}-alb-logs"
  backup_retention = max(var.log_retention_days, 365)
  backup_buckets   = concat([aws_s3_bucket.logs.arn], aws_s3_bucket.access_logs[*].arn)
}

# PCI 10.3.3, 10.5.1: the vault that holds the copies, encrypted with a customer managed key.
resource "aws_backup_vault" "logs" {
  count = local.backup ? 1 : 0

  name          = local.backup_name
  kms_key_arn   = var.backup_kms_key_arn
  force_destroy = false
  tags          = var.tags

  lifecycle {
    precondition {
      condition     = var.backup_kms_key_arn != null
      error_message = "backup_logs needs backup_kms_key_arn (PciZone's PCZ-BKP-001 wants a customer managed vault key)."
    }
  }
}

# PCI 10.3.2, 10.5.1: copies cannot be deleted or kept shorter than a year once the grace days pass.
resource "aws_backup_vault_lock_configuration" "logs" {
  count = local.backup ? 1 : 0

  backup_vault_name   = aws_backup_vault.logs[0].name
  changeable_for_days = var.backup_vault_lock_changeable_days
  min_retention_days  = local.backup_retention
}

# PCI 10.3.2: nobody deletes a recovery point or shortens its lifecycle, whatever their IAM rights.
resource "aws_backup_vault_policy" "logs" {
  count = local.backup ? 1 : 0

  backup_vault_name = aws_backup_vault.logs[0].name
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
  count = local.backup ? 1 : 0

  name                 = "${local.backup_name}-backup"
  description          = "AWS Backup copies of the ALB log buckets."
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      merge(
        {
          Sid       = "AwsBackupOfThisAccount"
          Effect    = "Allow"
          Principal = { Service = "backup.amazonaws.com" }
          Action    = "sts:AssumeRole"
        },
        var.account_id == null ? {} : { Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } } },
      ),
    ]
  })
  tags = var.tags
}

# PCI 7.2.2, 10.3.3: the AWS managed permissions for S3 backups; restores are granted when needed.
resource "aws_iam_role_policy_attachment" "backup_s3" {
  count = local.backup ? 1 : 0

  role       = aws_iam_role.backup[0].name
  policy_arn = "arn:${var.partition}:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup"
}

# PCI 3.5.1, 7.2.2: the role encrypts recovery points with the backup key, and no other key.
resource "aws_iam_role_policy" "backup_kms" {
  count = local.backup ? 1 : 0

  name = "backup-key"
  role = aws_iam_role.backup[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EncryptRecoveryPoints"
        Effect   = "Allow"
        Action   = ["kms:GenerateDataKey", "kms:Decrypt", "kms:DescribeKey"]
        Resource = var.backup_kms_key_arn
      },
      {
        Sid       = "GrantsForRecoveryPoints"
        Effect    = "Allow"
        Action    = "kms:CreateGrant"
        Resource  = var.backup_kms_key_arn
        Condition = { Bool = { "kms:GrantIsForAWSResource" = "true" } }
      },
    ]
  })
}

# PCI 10.3.3, 10.5.1: a daily copy, kept at least a year (as long as the logs when they expire later).
resource "aws_backup_plan" "logs" {
  count = local.backup ? 1 : 0

  name = local.backup_name

  rule {
    rule_name           = "daily-alb-log-copy"
    target_vault_name   = aws_backup_vault.logs[0].name
    schedule            = "cron(0 5 ? * * *)"
    start_window        = 60
    completion_window   = 1440
    recovery_point_tags = var.tags

    lifecycle {
      delete_after = local.backup_retention
    }
  }

  tags = var.tags
}

# PCI 10.3.3: the ALB log bucket and the access-log bucket this module created are in the plan.
resource "aws_backup_selection" "logs" {
  count = local.backup ? 1 : 0

  name         = "alb-log-buckets"
  plan_id      = aws_backup_plan.logs[0].id
  iam_role_arn = aws_iam_role.backup[0].arn
  resources    = local.backup_buckets
}
