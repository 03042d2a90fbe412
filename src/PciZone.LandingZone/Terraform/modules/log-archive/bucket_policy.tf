locals {
  log_bucket_statements = concat(
    [
      {
        # PCI 4.2.1: logs never travel in clear text.
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [local.log_bucket_arn, "${local.log_bucket_arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "CloudTrailAclCheck"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:GetBucketAcl"
        Resource  = local.log_bucket_arn
        Condition = { ArnLike = { "aws:SourceArn" = local.org_trail_arns } }
      },
      {
        # PCI 10.3.3: the organisation trail writes the management account's and every member's events.
        Sid       = "CloudTrailWrite"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource = [
          "${local.log_bucket_arn}/AWSLogs/${var.management_account_id}/*",
          "${local.log_bucket_arn}/AWSLogs/${var.organization_id}/*",
        ]
        Condition = {
          StringEquals = { "s3:x-amz-acl" = "bucket-owner-full-control" }
          ArnLike      = { "aws:SourceArn" = local.org_trail_arns }
        }
      },
      {
        Sid       = "ConfigAclCheckAndExistence"
        Effect    = "Allow"
        Principal = { Service = "config.amazonaws.com" }
        Action    = ["s3:GetBucketAcl", "s3:ListBucket"]
        Resource  = local.log_bucket_arn
        Condition = { StringEquals = { "aws:SourceOrgID" = var.organization_id } }
      },
      {
        # PCI 10.3.3: Config snapshots and history of every account in the organisation.
        Sid       = "ConfigWrite"
        Effect    = "Allow"
        Principal = { Service = "config.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${local.log_bucket_arn}/${local.config_path}/*/Config/*"
        Condition = {
          StringEquals = {
            "s3:x-amz-acl"    = "bucket-owner-full-control"
            "aws:SourceOrgID" = var.organization_id
          }
        }
      },
      {
        Sid       = "FlowLogAclCheck"
        Effect    = "Allow"
        Principal = { Service = "delivery.logs.amazonaws.com" }
        Action    = ["s3:GetBucketAcl", "s3:ListBucket"]
        Resource  = local.log_bucket_arn
        Condition = { StringEquals = { "aws:SourceOrgID" = var.organization_id } }
      },
      {
        # PCI 10.3.3: VPC flow logs of every account in the organisation.
        Sid       = "FlowLogWrite"
        Effect    = "Allow"
        Principal = { Service = "delivery.logs.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${local.log_bucket_arn}/${local.flow_log_path}/*"
        Condition = {
          StringEquals = {
            "s3:x-amz-acl"    = "bucket-owner-full-control"
            "aws:SourceOrgID" = var.organization_id
          }
        }
      },
    ],
    local.has_log_readers ? [
      {
        # PCI 10.3.1: named auditors read, never write or delete.
        Sid       = "LogReaders"
        Effect    = "Allow"
        Principal = { AWS = var.log_reader_principal_arns }
        Action    = ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:ListBucketVersions"]
        Resource  = [local.log_bucket_arn, "${local.log_bucket_arn}/*"]
      },
    ] : [],
  )
}

# PCI 4.2.1, 10.3.1, 10.3.3: TLS only; only the organisation's log-delivery services may write.
resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = local.log_bucket_statements
  })

  depends_on = [aws_s3_bucket_public_access_block.logs]
}
