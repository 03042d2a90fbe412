mock_provider "aws" {}

variables {
  account_id         = "444444444444"
  region             = "eu-west-1"
  is_home_region     = true
  config_bucket_name = "example-log-archive-222222222222"
  config_kms_key_arn = "arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  config_s3_prefix   = "config"
  tags               = { owner = "platform" }
}

run "config_records_everything_and_is_on" {
  command = plan

  assert {
    condition     = aws_config_configuration_recorder.this.recording_group[0].all_supported == true
    error_message = "Config must record all supported resource types (PCI 10.2.1, 12.5.1)."
  }

  assert {
    condition     = aws_config_configuration_recorder.this.recording_group[0].include_global_resource_types == true
    error_message = "The home region must record global IAM resource types."
  }

  assert {
    condition     = aws_config_configuration_recorder_status.this.is_enabled == true
    error_message = "The recorder must be switched on."
  }

  assert {
    condition     = aws_config_configuration_recorder.this.role_arn == "arn:aws:iam::444444444444:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"
    error_message = "The recorder must use the Config service-linked role of this account."
  }

  assert {
    condition     = aws_config_delivery_channel.this.s3_bucket_name == var.config_bucket_name && aws_config_delivery_channel.this.s3_kms_key_arn == var.config_kms_key_arn
    error_message = "Config must deliver to the log-archive bucket with the log-archive KMS key."
  }

  assert {
    condition     = length(aws_iam_service_linked_role.config) == 1
    error_message = "The home region creates the Config service-linked role."
  }
}

run "storage_and_metadata_are_hardened" {
  command = plan

  assert {
    condition     = aws_ebs_encryption_by_default.this.enabled == true
    error_message = "EBS encryption by default must be on."
  }

  assert {
    condition     = aws_ec2_instance_metadata_defaults.this.http_tokens == "required" && aws_ec2_instance_metadata_defaults.this.http_put_response_hop_limit == 1
    error_message = "IMDSv2 must be required with hop limit 1."
  }

  assert {
    condition     = aws_ebs_snapshot_block_public_access.this.state == "block-all-sharing"
    error_message = "Public EBS snapshot sharing must be blocked."
  }

  assert {
    condition     = aws_accessanalyzer_analyzer.account.type == "ACCOUNT"
    error_message = "An account-level Access Analyzer must exist."
  }
}

run "home_region_sets_pci_password_policy_and_s3_block" {
  command = plan

  assert {
    condition     = aws_iam_account_password_policy.this[0].minimum_password_length >= 12
    error_message = "PCI 8.3.6: at least 12 characters."
  }

  assert {
    condition = alltrue([
      aws_iam_account_password_policy.this[0].require_lowercase_characters,
      aws_iam_account_password_policy.this[0].require_uppercase_characters,
      aws_iam_account_password_policy.this[0].require_numbers,
      aws_iam_account_password_policy.this[0].require_symbols,
    ])
    error_message = "PCI 8.3.6: letters, numbers and symbols are required."
  }

  assert {
    condition     = aws_iam_account_password_policy.this[0].max_password_age <= 90 && aws_iam_account_password_policy.this[0].max_password_age > 0
    error_message = "PCI 8.3.9: passwords expire within 90 days."
  }

  assert {
    condition     = aws_iam_account_password_policy.this[0].password_reuse_prevention >= 4
    error_message = "PCI 8.3.7: the last 4 passwords cannot be reused."
  }

  assert {
    condition = alltrue([
      aws_s3_account_public_access_block.this[0].block_public_acls,
      aws_s3_account_public_access_block.this[0].block_public_policy,
      aws_s3_account_public_access_block.this[0].ignore_public_acls,
      aws_s3_account_public_access_block.this[0].restrict_public_buckets,
    ])
    error_message = "All four account-level S3 public access blocks must be on."
  }

  assert {
    condition     = aws_s3_account_public_access_block.this[0].account_id == var.account_id
    error_message = "The S3 block must target this account."
  }
}

run "other_regions_skip_global_resources" {
  command = plan

  variables {
    region         = "eu-central-1"
    is_home_region = false
  }

  assert {
    condition     = length(aws_iam_account_password_policy.this) == 0 && length(aws_s3_account_public_access_block.this) == 0 && length(aws_iam_service_linked_role.config) == 0 && length(aws_iam_role.support) == 0
    error_message = "Global resources are created only in the home region."
  }

  assert {
    condition     = aws_config_configuration_recorder.this.recording_group[0].include_global_resource_types == true && aws_config_configuration_recorder.this.recording_group[0].all_supported == true
    error_message = "Other regions record all supported types, global IAM types included."
  }

  assert {
    condition     = aws_ebs_encryption_by_default.this.enabled && aws_ec2_instance_metadata_defaults.this.http_tokens == "required"
    error_message = "Regional hardening applies in every region."
  }
}

run "home_region_has_a_least_privilege_support_role" {
  command = plan

  assert {
    condition     = length(aws_iam_role.support) == 1 && aws_iam_role_policy_attachment.support[0].policy_arn == "arn:aws:iam::aws:policy/AWSSupportAccess"
    error_message = "PCI 12.10.1: the home region creates a role with AWSSupportAccess."
  }

  assert {
    condition     = length(aws_iam_role_policy_attachment.support) == 1
    error_message = "The support role holds AWSSupportAccess and no other managed policy."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_iam_role.support[0].assume_role_policy).Statement :
      s.Principal.AWS == "arn:aws:iam::444444444444:root" && s.Action == "sts:AssumeRole" &&
    s.Condition.ArnLike["aws:PrincipalArn"] == ["arn:aws:iam::444444444444:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_PciAdministrator_*", "arn:aws:iam::444444444444:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_PciCdeOperator_*"]])
    error_message = "Only this account's Identity Center roles of the named permission sets may assume the support role."
  }
}

run "support_role_can_be_left_out" {
  command = plan

  variables {
    support_role_permission_sets = []
  }

  assert {
    condition     = length(aws_iam_role.support) == 0 && length(aws_iam_role_policy_attachment.support) == 0
    error_message = "No permission sets, no support role."
  }
}

run "weak_password_settings_are_rejected" {
  command = plan

  variables {
    minimum_password_length   = 8
    password_reuse_prevention = 1
    max_password_age          = 365
  }

  expect_failures = [var.minimum_password_length, var.password_reuse_prevention, var.max_password_age]
}

run "awslogs_prefix_is_rejected" {
  command = plan

  variables {
    config_s3_prefix = "AWSLogs/444444444444"
  }

  expect_failures = [var.config_s3_prefix]
}
