# The bucket that records who read or changed the ALB logs (PCI 10.2.1.3). S3 server access logs
# must stay in the same account and region, so each edge gets its own. Created only when the caller
# names no existing access-log bucket.
locals {
  create_access_log_bucket = var.access_log_bucket_name == null
  # The name, not the id: it is known at plan time, so reviewers and scanners see which bucket receives the logs.
  access_log_bucket      = local.create_access_log_bucket ? local.access_log_bucket_name : var.access_log_bucket_name
  access_log_bucket_name = var.account_id == null ? "${var.name}-s3-access-logs" : "${var.name}-s3-access-logs-${var.account_id}"
  access_log_bucket_arn  = "arn:${var.partition}:s3:::${local.access_log_bucket_name}"
}

# PCI 10.2.1.3, 10.3.2, 10.5.1: access logs of the ALB log bucket, kept 12 months.
resource "aws_s3_bucket" "access_logs" {
  count = local.create_access_log_bucket ? 1 : 0

  bucket = local.access_log_bucket_name
  tags   = merge(var.tags, { "pcizone:data-class" = "s3-access-log" })
}

# PCI 10.3.2: overwritten or deleted log objects stay recoverable.
resource "aws_s3_bucket_versioning" "access_logs" {
  count = local.create_access_log_bucket ? 1 : 0

  bucket = aws_s3_bucket.access_logs[0].id
  versioning_configuration {
    status = "Enabled"
  }
}

# PCI 3.5.1, 10.3.2: SSE-KMS with the caller's log key (S3 access-log delivery supports it when the key policy allows).
resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  count = local.create_access_log_bucket ? 1 : 0

  bucket = aws_s3_bucket.access_logs[0].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.access_log_kms_key_arn
    }
    bucket_key_enabled = true
  }
}

# PCI 1.4.4, 7.2.1: never public; ACLs disabled.
resource "aws_s3_bucket_public_access_block" "access_logs" {
  count = local.create_access_log_bucket ? 1 : 0

  bucket                  = aws_s3_bucket.access_logs[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# PCI 7.2.1: access by policy only.
resource "aws_s3_bucket_ownership_controls" "access_logs" {
  count = local.create_access_log_bucket ? 1 : 0

  bucket = aws_s3_bucket.access_logs[0].id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# PCI 4.2.1, 10.3.2: TLS only; only S3 log delivery for this account's ALB log bucket may write.
resource "aws_s3_bucket_policy" "access_logs" {
  count = local.create_access_log_bucket ? 1 : 0

  bucket = aws_s3_bucket.access_logs[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [local.access_log_bucket_arn, "${local.access_log_bucket_arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "AllowS3LogDelivery"
        Effect    = "Allow"
        Principal = { Service = "logging.s3.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${local.access_log_bucket_arn}/*"
        Condition = { ArnLike = { "aws:SourceArn" = local.log_bucket_arn } }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.access_logs]
}

# PCI 10.5.1: 12 months of history.
resource "aws_s3_bucket_lifecycle_configuration" "access_logs" {
  count = local.create_access_log_bucket ? 1 : 0

  bucket = aws_s3_bucket.access_logs[0].id
  rule {
    id     = "retain-access-logs"
    status = "Enabled"
    filter {}
    expiration {
      days = var.log_retention_days == 0 ? 3650 : var.log_retention_days
    }
    noncurrent_version_expiration {
      noncurrent_days = var.log_retention_days == 0 ? 3650 : var.log_retention_days
    }
  }

  depends_on = [aws_s3_bucket_versioning.access_logs]
}
