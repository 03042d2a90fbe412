locals {
  # Managing a key never includes using it; CreateGrant is left out because a grant would let an
  # administrator hand themselves use of the key (PCI 3.6.1 few custodians, 7.2.1 least privilege).
  admin_actions = [
    "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey", "kms:DisableKey",
    "kms:EnableKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus",
    "kms:ListGrants", "kms:ListKeyPolicies", "kms:ListKeyRotations", "kms:ListResourceTags",
    "kms:PutKeyPolicy", "kms:RevokeGrant", "kms:RotateKeyOnDemand", "kms:ScheduleKeyDeletion",
    "kms:TagResource", "kms:UntagResource", "kms:UpdateAlias", "kms:UpdateKeyDescription",
  ]

  # Using a key never includes managing it.
  use_actions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]

  key_policies = {
    for purpose, p in var.purposes : purpose => jsonencode({
      Version = "2012-10-17"
      Statement = concat(
        [
          {
            Sid       = "KeyAdministrators"
            Effect    = "Allow"
            Principal = { AWS = var.admin_role_arns }
            Action    = local.admin_actions
            Resource  = "*"
          },
        ],
        [for s in [
          {
            Sid       = "KeyUsers"
            Effect    = "Allow"
            Principal = { AWS = p.user_role_arns }
            Action    = local.use_actions
            Resource  = "*"
          },
          {
            # Services such as EBS and RDS need a grant to use the key for the user's resources.
            Sid       = "KeyUsersGrantsForAwsResources"
            Effect    = "Allow"
            Principal = { AWS = p.user_role_arns }
            Action    = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]
            Resource  = "*"
            Condition = { Bool = { "kms:GrantIsForAWSResource" = "true" } }
          },
        ] : s if length(p.user_role_arns) > 0],
        [for s in [
          {
            Sid       = "ServiceUseForThisAccount"
            Effect    = "Allow"
            Principal = { Service = p.service_principals }
            Action    = local.use_actions
            Resource  = "*"
            Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
          },
        ] : s if length(p.service_principals) > 0],
        [for s in [
          {
            # Services such as AWS Backup call KMS as the account's principal (a backup role); IAM decides
            # which principals, the key only through which service.
            Sid       = "AccountUseThroughServices"
            Effect    = "Allow"
            Principal = { AWS = "arn:${var.partition}:iam::${var.account_id}:root" }
            Action    = local.use_actions
            Resource  = "*"
            Condition = { StringEquals = { "kms:CallerAccount" = var.account_id, "kms:ViaService" = p.via_services } }
          },
          {
            Sid       = "AccountGrantsThroughServices"
            Effect    = "Allow"
            Principal = { AWS = "arn:${var.partition}:iam::${var.account_id}:root" }
            Action    = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]
            Resource  = "*"
            Condition = {
              Bool         = { "kms:GrantIsForAWSResource" = "true" }
              StringEquals = { "kms:CallerAccount" = var.account_id, "kms:ViaService" = p.via_services }
            }
          },
        ] : s if length(p.via_services) > 0],
      )
    })
  }
}

# PCI 3.5.1, 3.6.1, 3.7.1, 3.7.4, 3.7.5: one customer managed key per purpose, rotated within the
# cryptoperiod, with an explicit policy separating custodians from users.
resource "aws_kms_key" "this" {
  for_each = var.purposes

  description              = each.value.description
  key_usage                = "ENCRYPT_DECRYPT"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  enable_key_rotation      = true
  rotation_period_in_days  = var.rotation_period_in_days
  deletion_window_in_days  = var.deletion_window_in_days
  is_enabled               = true
  multi_region             = false
  policy                   = local.key_policies[each.key]
  tags                     = merge(var.tags, { "pcizone:key-purpose" = each.key })
}

# PCI 3.6.1, 12.5.1: stable names for the key inventory.
resource "aws_kms_alias" "this" {
  for_each = var.purposes

  name          = "alias/${var.name_prefix}/${each.key}"
  target_key_id = aws_kms_key.this[each.key].key_id
}
