# Reader test root: companions joined through count, for_each, module outputs and unknown ids.
resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "pz-counted-${count.index}"
}

resource "aws_s3_bucket_versioning" "counted" {
  count  = 2
  bucket = aws_s3_bucket.counted[count.index].id
  versioning_configuration {
    status = count.index == 0 ? "Enabled" : "Suspended"
  }
}

# Names unknown until apply: only the configuration references can join these.
resource "aws_s3_bucket" "each" {
  for_each      = toset(["a", "b"])
  bucket_prefix = "pz-${each.key}-"
  tags = {
    data-class = "cde"
  }
}

resource "aws_s3_bucket_versioning" "each" {
  for_each = aws_s3_bucket.each
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}

module "logs" {
  source = "./modules/logbucket"
  name   = "pz-logs"
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = module.logs.bucket_id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::pz-logs", "arn:aws:s3:::pz-logs/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# Joined by a literal bucket name, not a reference.
resource "aws_s3_bucket_versioning" "literal" {
  bucket = "pz-logs"
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_sqs_queue" "unmodelled" {
  name = "pz-not-modelled-in-the-test-registry"
}

# A list that mixes a reference (unknown ARN) with a literal ARN.
resource "aws_iam_policy" "custom" {
  name = "pz-custom"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
  })
}

resource "aws_iam_role" "mixed" {
  name = "pz-mixed"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
  managed_policy_arns = [aws_iam_policy.custom.arn, "arn:aws:iam::aws:policy/ReadOnlyAccess"]
}

# A counted module: a reference with a literal module index joins into that instance only.
module "logs_counted" {
  count  = 2
  source = "./modules/logbucket"
  name   = "pz-logs-counted-${count.index}"
}

resource "aws_s3_bucket_versioning" "second_counted_log" {
  bucket = module.logs_counted[1].bucket_id
  versioning_configuration {
    status = "Enabled"
  }
}
