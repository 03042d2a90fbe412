# The central audit-log bucket: CloudTrail, AWS Config and VPC flow logs of the whole organisation.

# PCI 10.3.3, 10.5.1: central log store created with Object Lock so logs cannot be altered or deleted.
resource "aws_s3_bucket" "logs" {
  bucket              = local.log_bucket_name
  object_lock_enabled = true
  force_destroy       = false
  tags                = local.bucket_tags.logs
}

# PCI 10.3.2, 10.5.1: every overwrite keeps the earlier version; Object Lock requires versioning.
resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

# PCI 10.3.2, 10.5.1: write-once retention of every log for log_retention_days.
resource "aws_s3_bucket_object_lock_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    default_retention {
      mode = var.object_lock_mode
      days = var.log_retention_days
    }
  }

  depends_on = [aws_s3_bucket_versioning.logs]
}

# PCI 3.5.1, 10.3.1: SSE-KMS with the log key; the bucket key keeps KMS request volume low.
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.logs.arn
    }
    bucket_key_enabled = true
  }
}

# PCI 1.4.4, 10.3.1: no ACL or policy can make the log bucket public.
resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# PCI 7.2.1, 10.3.1: ACLs disabled; the bucket policy and IAM alone decide access.
resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# PCI 10.5.1: 3 months immediately available, then archived, deleted after the retention period.
resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    id     = "audit-log-retention"
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

  lifecycle {
    precondition {
      condition     = var.immediately_available_days < var.log_retention_days
      error_message = "immediately_available_days must be smaller than log_retention_days."
    }
  }

  depends_on = [aws_s3_bucket_versioning.logs]
}

# PCI 10.2.1, 10.2.1.3: every request to the audit logs, including failed and anonymous ones, is logged.
resource "aws_s3_bucket_logging" "logs" {
  bucket        = aws_s3_bucket.logs.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "${local.log_bucket_name}/"

  target_object_key_format {
    partitioned_prefix {
      partition_date_source = "EventTime"
    }
  }
}
