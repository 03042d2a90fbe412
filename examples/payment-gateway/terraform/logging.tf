resource "aws_cloudtrail" "main" {
  name                          = "${local.name}-trail"
  s3_bucket_name                = aws_s3_bucket.logs.id
  s3_key_prefix                 = "cloudtrail"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.audit.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail_to_logs.arn
}

# GAP: 30 days of retention; PCI DSS 10.5.1 asks for at least 12 months.
resource "aws_cloudwatch_log_group" "trail" {
  name              = "/${local.name}/cloudtrail"
  retention_in_days = 30
  kms_key_id        = aws_kms_key.audit.arn
}

resource "aws_iam_role" "trail_to_logs" {
  name = "${local.name}-trail-to-logs"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "cloudtrail.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy" "trail_to_logs" {
  name = "write-trail-logs"
  role = aws_iam_role.trail_to_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "arn:aws:logs:eu-west-1:111122223333:log-group:/${local.name}/cloudtrail:*"
    }]
  })
}
