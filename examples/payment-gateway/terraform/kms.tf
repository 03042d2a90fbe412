# GAP: automatic rotation is off for the key that protects card data.
locals {
  # An explicit key policy: the account administers the key; use is granted per role in IAM.
  key_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdministers"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_key" "card_data" {
  description             = "Card data at rest"
  deletion_window_in_days = 30
  enable_key_rotation     = false
  policy                  = local.key_policy
}

resource "aws_kms_alias" "card_data" {
  name          = "alias/${local.name}-card-data"
  target_key_id = aws_kms_key.card_data.key_id
}

resource "aws_kms_key" "audit" {
  description             = "Audit logs"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  policy                  = local.key_policy
}
