# The S3 server access log bucket of the log bucket. S3 cannot deliver server access logs into a bucket
# with an Object Lock default retention, so this bucket relies on versioning, lifecycle and a
# policy that only lets S3 log delivery write.

# PCI 10.2.1.3, 10.3.3: separate store for the record of every access to the audit logs.
resource "aws_s3_bucket" "access_logs" {
  bucket        = local.access_log_bucket_name
  force_destroy = false
  tags          = local.bucket_tags.access_logs
}

# PCI 10.3.2: overwrites and deletes keep the earlier version.
resource "aws_s3_bucket_versioning" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

# PCI 3.5.1, 10.3.1: SSE-KMS with the log key (its policy lets logging.s3.amazonaws.com encrypt).
resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.logs.arn
    }
    bucket_key_enabled = true
  }
}

# PCI 1.4.4, 10.3.1: no ACL or policy can make the access-log bucket public.
resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket                  = aws_s3_bucket.access_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# PCI 7.2.1, 10.3.1: ACLs disabled; S3 log delivery is granted by the bucket policy, not an ACL.
resource "aws_s3_bucket_ownership_controls" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# PCI 10.5.1: same retention as the audit logs they describe.
resource "aws_s3_bucket_lifecycle_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    id     = "access-log-retention"
    status = "Enabled"

    filter {}

    transition {
      days          = var.immediately_available_days
      storage_class = var.archive_storage_class
    }

    expiration {
      days = var.log_retention_days
    }

    noncurrent_version_transition {
      noncurrent_days = var.immediately_available_days
      storage_class   = var.archive_storage_class
    }

    noncurrent_version_expiration {
      noncurrent_days = var.log_retention_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.access_logs]
}

# PCI 4.2.1, 10.3.1, 10.3.2: TLS only; only S3 log delivery for the log bucket may write.
resource "aws_s3_bucket_policy" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
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
        Sid       = "S3ServerAccessLogDelivery"
        Effect    = "Allow"
        Principal = { Service = "logging.s3.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${local.access_log_bucket_arn}/${local.log_bucket_name}/*"
        Condition = {
          StringEquals = { "aws:SourceAccount" = var.account_id }
          ArnLike      = { "aws:SourceArn" = local.log_bucket_arn }
        }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.access_logs]
}
