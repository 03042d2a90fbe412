# Settlement files with PANs, exported for the acquirer.
resource "aws_s3_bucket" "card_export" {
  bucket = "${local.name}-card-export"
  tags   = local.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "card_export" {
  bucket = aws_s3_bucket.card_export.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.card_data.arn
    }
  }
}

resource "aws_s3_bucket_versioning" "card_export" {
  bucket = aws_s3_bucket.card_export.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "card_export" {
  bucket        = aws_s3_bucket.card_export.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "s3/card-export/"
}

# GAP: no aws_s3_bucket_public_access_block for the card-export bucket.

# Audit logs: CloudTrail and S3 access logs.
resource "aws_s3_bucket" "logs" {
  bucket = "${local.name}-audit-logs"
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

locals {
  # Built from the bucket name, which is known at plan time, so the policy can be checked before apply.
  logs_bucket_arn = "arn:aws:s3:::${local.name}-audit-logs"
}

data "aws_iam_policy_document" "logs" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [local.logs_bucket_arn, "${local.logs_bucket_arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid       = "CloudTrailWrite"
    effect    = "Allow"
    actions   = ["s3:PutObject"]
    resources = ["${local.logs_bucket_arn}/cloudtrail/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
  }
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = data.aws_iam_policy_document.logs.json
}
