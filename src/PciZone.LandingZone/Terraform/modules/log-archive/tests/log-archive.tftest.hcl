mock_provider "aws" {}

variables {
  name_prefix           = "acme"
  account_id            = "222222222222"
  organization_id       = "o-abcdef1234"
  management_account_id = "111111111111"
  tags                  = { Owner = "platform" }
}

run "log_bucket_is_write_once_for_a_year" {
  command = plan

  assert {
    condition     = aws_s3_bucket.logs.object_lock_enabled == true
    error_message = "The log bucket must be created with Object Lock enabled (PCI 10.5.1, 10.3.2)."
  }

  assert {
    condition     = aws_s3_bucket_object_lock_configuration.logs.rule[0].default_retention[0].mode == "COMPLIANCE"
    error_message = "Default Object Lock mode must be COMPLIANCE."
  }

  assert {
    condition     = aws_s3_bucket_object_lock_configuration.logs.rule[0].default_retention[0].days >= 365
    error_message = "Default Object Lock retention must be at least 365 days (PCI 10.5.1)."
  }

  assert {
    condition     = aws_s3_bucket_versioning.logs.versioning_configuration[0].status == "Enabled" && aws_s3_bucket_versioning.access_logs.versioning_configuration[0].status == "Enabled"
    error_message = "Both buckets must keep object versions."
  }

  assert {
    condition     = aws_s3_bucket.logs.tags["pcizone:data-class"] == "audit-log" && aws_s3_bucket.logs.tags["Owner"] == "platform"
    error_message = "The log bucket must carry the caller's tags and the audit-log data class."
  }
}

run "retention_keeps_three_months_hot_and_twelve_in_total" {
  command = plan

  assert {
    condition = alltrue([for l in [aws_s3_bucket_lifecycle_configuration.logs, aws_s3_bucket_lifecycle_configuration.access_logs] :
      one(l.rule[0].transition).days >= 90 && l.rule[0].expiration[0].days >= 365 &&
      one(l.rule[0].noncurrent_version_transition).noncurrent_days >= 90 &&
    l.rule[0].noncurrent_version_expiration[0].noncurrent_days >= 365])
    error_message = "Logs must stay immediately available 90 days and be kept 365 days, current and noncurrent (PCI 10.5.1)."
  }

  assert {
    condition     = one(aws_s3_bucket_lifecycle_configuration.logs.rule[0].transition).storage_class == "GLACIER_IR"
    error_message = "Default archive class must be GLACIER_IR."
  }
}

run "buckets_are_encrypted_private_and_acl_free" {
  command = plan

  override_resource {
    target          = aws_kms_key.logs
    override_during = plan
    values = {
      arn = "arn:aws:kms:eu-west-1:222222222222:key/11111111-2222-3333-4444-555555555555"
    }
  }

  assert {
    condition = alltrue([for e in [aws_s3_bucket_server_side_encryption_configuration.logs, aws_s3_bucket_server_side_encryption_configuration.access_logs] :
    one(e.rule).apply_server_side_encryption_by_default[0].kms_master_key_id == "arn:aws:kms:eu-west-1:222222222222:key/11111111-2222-3333-4444-555555555555"])
    error_message = "Both buckets must encrypt with the module's log key."
  }

  assert {
    condition = alltrue([for e in [aws_s3_bucket_server_side_encryption_configuration.logs, aws_s3_bucket_server_side_encryption_configuration.access_logs] :
    one(e.rule).apply_server_side_encryption_by_default[0].sse_algorithm == "aws:kms" && one(e.rule).bucket_key_enabled == true])
    error_message = "Both buckets must default to SSE-KMS with a bucket key."
  }

  assert {
    condition = alltrue([for p in [aws_s3_bucket_public_access_block.logs, aws_s3_bucket_public_access_block.access_logs] :
    p.block_public_acls && p.block_public_policy && p.ignore_public_acls && p.restrict_public_buckets])
    error_message = "Both buckets must block all public access."
  }

  assert {
    condition     = aws_s3_bucket_ownership_controls.logs.rule[0].object_ownership == "BucketOwnerEnforced" && aws_s3_bucket_ownership_controls.access_logs.rule[0].object_ownership == "BucketOwnerEnforced"
    error_message = "ACLs must be disabled on both buckets."
  }

  assert {
    condition     = aws_s3_bucket_logging.logs.target_prefix == "acme-log-archive-222222222222/"
    error_message = "The log bucket must log server access into the access-log bucket."
  }
}

run "bucket_policies_deny_plain_http_and_grant_no_wildcard" {
  command = plan

  assert {
    condition = alltrue([for p in [jsondecode(aws_s3_bucket_policy.logs.policy), jsondecode(aws_s3_bucket_policy.access_logs.policy)] :
      length([for s in p.Statement : s if s.Effect == "Deny" && s.Principal == "*" && s.Action == "s3:*" &&
    try(s.Condition.Bool["aws:SecureTransport"], "") == "false" && length(s.Resource) == 2]) == 1])
    error_message = "Both bucket policies must deny requests without TLS on the bucket and its objects (PCI 4.2.1)."
  }

  assert {
    condition = alltrue([for p in [jsondecode(aws_s3_bucket_policy.logs.policy), jsondecode(aws_s3_bucket_policy.access_logs.policy)] :
    alltrue([for s in p.Statement : s.Effect == "Deny" || s.Principal != "*"])])
    error_message = "No Allow statement may name the principal *."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_s3_bucket_policy.logs.policy).Statement :
    s.Effect == "Deny" || can(s.Condition) if s.Principal != "*" && can(s.Principal.Service)])
    error_message = "Every service grant on the log bucket must carry a source condition."
  }

  assert {
    condition     = length([for s in jsondecode(aws_s3_bucket_policy.logs.policy).Statement : s if s.Sid == "LogReaders"]) == 0
    error_message = "No reader statement without log readers."
  }
}

run "log_key_rotates_and_grants_services_only_with_conditions" {
  command = plan

  assert {
    condition     = aws_kms_key.logs.enable_key_rotation == true && aws_kms_key.logs.rotation_period_in_days <= 365
    error_message = "The log key must rotate at least yearly (PCI 3.7.4)."
  }

  assert {
    condition     = alltrue([for s in jsondecode(aws_kms_key.logs.policy).Statement : !contains(flatten([try(s.Principal.AWS, [])]), "*") && s.Principal != "*"])
    error_message = "The log key policy must not name the principal *."
  }

  assert {
    condition     = alltrue([for s in jsondecode(aws_kms_key.logs.policy).Statement : can(s.Condition) if can(s.Principal.Service)])
    error_message = "Every service statement of the key policy must be conditioned."
  }

  assert {
    condition = one([for s in jsondecode(aws_kms_key.logs.policy).Statement : s.Condition.StringLike["kms:EncryptionContext:aws:cloudtrail:arn"]
    if s.Sid == "CloudTrailEncryptOrganizationTrail"]) == "arn:aws:cloudtrail:*:111111111111:trail/*"
    error_message = "CloudTrail may encrypt only for trails of the management account."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_kms_key.logs.policy).Statement :
    !contains(flatten([s.Action]), "kms:Decrypt") if s.Sid == "KeyAdministrationByLogArchiveAccount"])
    error_message = "Key administrators must not decrypt."
  }
}

run "governance_mode_and_readers_are_honoured" {
  command = plan

  variables {
    object_lock_mode          = "GOVERNANCE"
    log_retention_days        = 400
    log_reader_principal_arns = ["arn:aws:iam::333333333333:role/auditor"]
  }

  assert {
    condition     = aws_s3_bucket_object_lock_configuration.logs.rule[0].default_retention[0].mode == "GOVERNANCE" && aws_s3_bucket_object_lock_configuration.logs.rule[0].default_retention[0].days == 400
    error_message = "object_lock_mode and log_retention_days must reach the lock configuration."
  }

  assert {
    condition = one([for s in jsondecode(aws_s3_bucket_policy.logs.policy).Statement : s.Action if s.Sid == "LogReaders"]) == [
    "s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:ListBucketVersions"]
    error_message = "Log readers get read-only access."
  }
}

run "rejects_short_retention" {
  command = plan

  variables {
    log_retention_days = 180
  }

  expect_failures = [var.log_retention_days]
}

run "rejects_short_hot_period" {
  command = plan

  variables {
    immediately_available_days = 30
  }

  expect_failures = [var.immediately_available_days]
}

run "rejects_unknown_lock_mode" {
  command = plan

  variables {
    object_lock_mode = "NONE"
  }

  expect_failures = [var.object_lock_mode]
}

run "rejects_hot_period_not_below_retention" {
  command = plan

  variables {
    immediately_available_days = 365
  }

  expect_failures = [aws_s3_bucket_lifecycle_configuration.logs]
}

run "both_log_buckets_have_a_locked_second_copy" {
  command = plan

  override_resource {
    target          = aws_s3_bucket.logs
    override_during = plan
    values          = { arn = "arn:aws:s3:::acme-log-archive-222222222222" }
  }

  override_resource {
    target          = aws_s3_bucket.access_logs
    override_during = plan
    values          = { arn = "arn:aws:s3:::acme-s3-access-logs-222222222222" }
  }

  assert {
    condition     = aws_backup_selection.logs.resources == toset(["arn:aws:s3:::acme-log-archive-222222222222", "arn:aws:s3:::acme-s3-access-logs-222222222222"])
    error_message = "The backup selection must pick both log buckets (PCI 10.3.3)."
  }

  assert {
    condition     = one(aws_backup_plan.logs.rule).lifecycle[0].delete_after >= 365 && one(aws_backup_plan.logs.rule).schedule == "cron(0 5 ? * * *)"
    error_message = "The logs must be copied daily and the copies kept at least 365 days (PCI 10.5.1)."
  }

  assert {
    condition     = aws_backup_vault_lock_configuration.logs.changeable_for_days == 3 && aws_backup_vault_lock_configuration.logs.min_retention_days == 365
    error_message = "The vault must be locked in compliance mode with the log retention as minimum."
  }

  assert {
    condition = one([for s in jsondecode(aws_backup_vault_policy.logs.policy).Statement : s if s.Effect == "Deny" && s.Principal == "*" &&
    contains(s.Action, "backup:DeleteRecoveryPoint") && contains(s.Action, "backup:UpdateRecoveryPointLifecycle")]) != null
    error_message = "The vault policy must deny deleting recovery points and shortening their lifecycle to everyone."
  }

  assert {
    condition     = aws_kms_key.backup.enable_key_rotation && alltrue([for s in jsondecode(aws_kms_key.backup.policy).Statement : s.Principal.AWS == "arn:aws:iam::222222222222:root"])
    error_message = "The backup key must rotate and name only this account."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_kms_key.backup.policy).Statement :
    s.Condition.StringLike["kms:ViaService"] == "backup.*.amazonaws.com" if s.Sid != "KeyAdministrationByLogArchiveAccount"])
    error_message = "The backup key is used only through AWS Backup."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_iam_role.backup.assume_role_policy).Statement :
    s.Principal.Service == "backup.amazonaws.com" && s.Condition.StringEquals["aws:SourceAccount"] == "222222222222"])
    error_message = "Only AWS Backup of this account may assume the backup role."
  }
}

run "governance_mode_locks_the_vault_without_grace_days" {
  command = plan

  variables {
    object_lock_mode = "GOVERNANCE"
  }

  assert {
    condition     = aws_backup_vault_lock_configuration.logs.changeable_for_days == null
    error_message = "GOVERNANCE mode must not lock the vault irreversibly."
  }
}
