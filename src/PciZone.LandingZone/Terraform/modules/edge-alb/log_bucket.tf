locals {
  log_bucket_name = coalesce(var.log_bucket_name, var.account_id == null ? "${var.name}-alb-logs" : "${var.name}-alb-logs-${var.account_id}")
  log_bucket_arn  = "arn:${var.partition}:s3:::${local.log_bucket_name}"
  log_prefix      = "alb/${var.name}"

  # The delivery grant stops at the account's own folder when the account is known.
  log_object_arn = "${local.log_bucket_arn}/${local.log_prefix}/AWSLogs/${coalesce(var.account_id, "*")}/*"

  log_bucket_policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [
        {
          # PCI 4.2.1: no request over plain HTTP.
          Sid       = "DenyInsecureTransport"
          Effect    = "Deny"
          Principal = "*"
          Action    = "s3:*"
          Resource  = [local.log_bucket_arn, "${local.log_bucket_arn}/*"]
          Condition = { Bool = { "aws:SecureTransport" = "false" } }
        },
        {
          # PCI 4.2.1: TLS 1.2 or later only.
          Sid       = "DenyTlsBelow12"
          Effect    = "Deny"
          Principal = "*"
          Action    = "s3:*"
          Resource  = [local.log_bucket_arn, "${local.log_bucket_arn}/*"]
          Condition = { NumericLessThan = { "s3:TlsVersion" = "1.2" } }
        },
        {
          # PCI 10.2.1, 10.3.2: only the ELB log-delivery service may write, and only under the prefix.
          Sid       = "AllowElbLogDelivery"
          Effect    = "Allow"
          Principal = { Service = "logdelivery.elasticloadbalancing.amazonaws.com" }
          Action    = "s3:PutObject"
          Resource  = local.log_object_arn
        },
      ],
      var.elb_service_account_id == null ? [] : [
        {
          # Regions launched before August 2022 deliver from the regional ELB account.
          Sid       = "AllowRegionalElbAccountLogDelivery"
          Effect    = "Allow"
          Principal = { AWS = "arn:${var.partition}:iam::${var.elb_service_account_id}:root" }
          Action    = "s3:PutObject"
          Resource  = local.log_object_arn
        },
      ],
    )
  })
}

# PCI 10.2.1, 10.2.2, 10.3.2: ALB access logs, one record per request, in a bucket of their own.
resource "aws_s3_bucket" "logs" {
  bucket        = local.log_bucket_name
  force_destroy = false

  tags = merge(var.tags, { Name = local.log_bucket_name })
}

# PCI 10.3.2, 10.3.3: versions keep a delivered log file even if it is overwritten or deleted.
resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

# PCI 3.5.1, 10.3.2: encrypted at rest. ALB access-log delivery supports only SSE-S3 (AES256), not
# SSE-KMS, so this bucket cannot use a customer managed key.
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# PCI 1.4.4, 10.3.2: never public, whatever a later ACL or policy says.
resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# PCI 7.2.1, 10.3.2: ACLs disabled; access is granted by policy only.
resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# PCI 4.2.1, 10.3.2: TLS-only access; writes only by the ELB log-delivery service.
resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = local.log_bucket_policy

  depends_on = [aws_s3_bucket_public_access_block.logs]
}

# PCI 10.5.1: 12 months of history, the first three (or more) immediately available.
resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    id     = "retain-access-logs"
    status = "Enabled"

    filter {}

    transition {
      days          = var.immediately_available_days
      storage_class = "GLACIER_IR"
    }

    dynamic "expiration" {
      for_each = var.log_retention_days > 0 ? [var.log_retention_days] : []
      content {
        days = expiration.value
      }
    }

    noncurrent_version_transition {
      noncurrent_days = var.immediately_available_days
      storage_class   = "GLACIER_IR"
    }

    dynamic "noncurrent_version_expiration" {
      for_each = var.log_retention_days > 0 ? [var.log_retention_days] : []
      content {
        noncurrent_days = noncurrent_version_expiration.value
      }
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.logs]
}

# PCI 10.2.1: who read or changed the access logs, recorded in the account's access-log bucket.
resource "aws_s3_bucket_logging" "logs" {
  bucket        = aws_s3_bucket.logs.id
  target_bucket = local.access_log_bucket
  target_prefix = "s3/${local.log_bucket_name}/"

  depends_on = [aws_s3_bucket_policy.access_logs]
}
