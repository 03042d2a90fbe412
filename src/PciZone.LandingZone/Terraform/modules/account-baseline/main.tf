# PCI 3.5.1, 3.5.1.2: every new EBS volume and snapshot copy in this region is encrypted (a storage
# baseline; PAN itself still needs application-level protection per 3.5.1.2).
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

# PCI 2.2.1, 2.2.6: new instances require IMDSv2 session tokens with a hop limit of 1, so
# SSRF or containers on the host cannot read instance credentials.
resource "aws_ec2_instance_metadata_defaults" "this" {
  http_endpoint               = "enabled"
  http_tokens                 = "required"
  http_put_response_hop_limit = 1
  instance_metadata_tags      = "disabled"
}

# PCI 1.4.4, 3.5.1, 7.2.1: EBS snapshots (which may hold stored account data) cannot be shared
# publicly in this region.
resource "aws_ebs_snapshot_block_public_access" "this" {
  state = "block-all-sharing"
}

# PCI 1.4.4, 2.2.1: hardened images (AMIs) cannot be made public in this region.
resource "aws_ec2_image_block_public_access" "this" {
  state = "block-new-sharing"
}

# PCI 7.2.1, 7.2.5, 1.4.4: IAM Access Analyzer reports resources shared outside the account.
resource "aws_accessanalyzer_analyzer" "account" {
  analyzer_name = var.access_analyzer_name
  type          = "ACCOUNT"
  tags          = var.tags
}

# PCI 8.3.6: passwords of at least 12 characters with letters (upper and lower case), numbers
# and symbols; PCI 8.3.7: no reuse of the last 4 (default 24); PCI 8.3.9: change every 90 days.
# The password policy is global, so only the home region sets it.
resource "aws_iam_account_password_policy" "this" {
  count = var.is_home_region ? 1 : 0

  minimum_password_length        = var.minimum_password_length
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  max_password_age               = var.max_password_age
  password_reuse_prevention      = var.password_reuse_prevention
  allow_users_to_change_password = true
  # Expired users change their own password at next sign-in instead of being locked out.
  hard_expiry = false
}

# PCI 1.4.4, 1.3.1, 7.2.1: no bucket in the account can be made public, whatever its own
# settings say. Account-wide, so only the home region sets it.
resource "aws_s3_account_public_access_block" "this" {
  count = var.is_home_region ? 1 : 0

  account_id              = var.account_id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
