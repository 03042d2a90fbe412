mock_provider "aws" {}

variables {
  name                   = "cde-prod-web"
  vpc_id                 = "vpc-0123456789abcdef0"
  subnet_ids             = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  security_group_id      = "sg-0123456789abcdef0"
  domain_name            = "pay.example.com"
  target_port            = 8443
  log_retention_days     = 365
  waf_log_kms_key_arn    = "arn:aws:kms:eu-west-1:444444444444:key/11111111-2222-3333-4444-555555555555"
  account_id             = "444444444444"
  access_log_bucket_name = "acme-s3-access-logs-444444444444"
  tags                   = { Owner = "payments" }
}

run "load_balancer_is_hardened" {
  command = plan

  assert {
    condition     = aws_lb.this.internal == false && aws_lb.this.load_balancer_type == "application"
    error_message = "The edge is an internet-facing application load balancer."
  }

  assert {
    condition     = aws_lb.this.drop_invalid_header_fields == true
    error_message = "PCI 6.2.4: invalid header fields must be dropped."
  }

  assert {
    condition     = aws_lb.this.enable_deletion_protection == true
    error_message = "Deletion protection must be on."
  }

  assert {
    condition     = aws_lb.this.access_logs[0].enabled == true && aws_lb.this.access_logs[0].prefix == "alb/cde-prod-web"
    error_message = "PCI 10.2.1: access logs must be delivered to the module's log bucket."
  }

  assert {
    condition     = aws_lb.this.enable_waf_fail_open == false
    error_message = "PCI 6.4.2: requests must not bypass the WAF when it is unavailable."
  }
}

run "tls_only_listeners" {
  command = plan

  assert {
    condition     = aws_lb_listener.https.protocol == "HTTPS" && aws_lb_listener.https.ssl_policy == "ELBSecurityPolicy-TLS13-1-2-2021-06"
    error_message = "PCI 4.2.1: the HTTPS listener uses the TLS 1.2+ policy."
  }

  assert {
    condition     = aws_lb_listener.http_redirect.default_action[0].type == "redirect" && aws_lb_listener.http_redirect.default_action[0].redirect[0].protocol == "HTTPS" && aws_lb_listener.http_redirect.default_action[0].redirect[0].status_code == "HTTP_301"
    error_message = "PCI 4.2.1: plain HTTP only redirects to HTTPS (301)."
  }

  assert {
    condition     = length(aws_lb_listener.http_redirect.default_action) == 1
    error_message = "The HTTP listener has no other action than the redirect."
  }

  assert {
    condition     = aws_lb_target_group.this.protocol == "HTTPS" && aws_lb_target_group.this.health_check[0].protocol == "HTTPS"
    error_message = "PCI 4.2.1: traffic to the targets is re-encrypted."
  }

  assert {
    condition     = startswith(aws_lb_listener.https.routing_http_response_strict_transport_security_header_value, "max-age=31536000")
    error_message = "Browsers are told to use HTTPS only (HSTS)."
  }
}

run "waf_blocks_common_attacks_and_logs" {
  command = plan

  assert {
    condition     = aws_wafv2_web_acl.this.scope == "REGIONAL"
    error_message = "An ALB needs a REGIONAL web ACL."
  }

  assert {
    condition = toset(flatten([for r in aws_wafv2_web_acl.this.rule : [
      for s in r.statement : [for m in s.managed_rule_group_statement : m.name if m.vendor_name == "AWS"]
    ]])) == toset(["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet"])
    error_message = "PCI 6.4.2: the AWS Common, KnownBadInputs and SQLi rule groups must be in the web ACL."
  }

  assert {
    condition     = alltrue([for r in aws_wafv2_web_acl.this.rule : length(try(r.override_action[0].count, [])) == 0])
    error_message = "PCI 6.4.2: no rule group may be overridden to count-only."
  }

  assert {
    condition     = startswith(aws_cloudwatch_log_group.waf.name, "aws-waf-logs-") && aws_cloudwatch_log_group.waf.retention_in_days >= 365 && aws_cloudwatch_log_group.waf.kms_key_id == var.waf_log_kms_key_arn
    error_message = "PCI 10.5.1, 10.3.2: WAF logs go to an aws-waf-logs-* group kept >= 365 days, encrypted with KMS."
  }

  assert {
    condition     = contains([for f in aws_wafv2_web_acl_logging_configuration.this.redacted_fields : f.single_header[0].name], "authorization")
    error_message = "PCI 3.3.1: the Authorization header is redacted from WAF logs."
  }
}

run "log_bucket_is_private_tls_only_and_retained" {
  command = plan

  assert {
    condition     = aws_s3_bucket_public_access_block.logs.block_public_acls && aws_s3_bucket_public_access_block.logs.block_public_policy && aws_s3_bucket_public_access_block.logs.ignore_public_acls && aws_s3_bucket_public_access_block.logs.restrict_public_buckets
    error_message = "PCI 1.4.4: all four public access blocks must be on."
  }

  assert {
    condition     = aws_s3_bucket_versioning.logs.versioning_configuration[0].status == "Enabled"
    error_message = "Versioning must be enabled."
  }

  assert {
    condition     = one(one(aws_s3_bucket_server_side_encryption_configuration.logs.rule).apply_server_side_encryption_by_default).sse_algorithm == "AES256"
    error_message = "ALB log delivery supports SSE-S3 only; the bucket must use AES256."
  }

  assert {
    condition = anytrue([for s in jsondecode(aws_s3_bucket_policy.logs.policy).Statement :
      s.Effect == "Deny" && s.Principal == "*" && s.Action == "s3:*" && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"
    ])
    error_message = "PCI 4.2.1: the bucket policy denies requests without TLS."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_s3_bucket_policy.logs.policy).Statement :
      s.Resource == "arn:aws:s3:::cde-prod-web-alb-logs-444444444444/alb/cde-prod-web/AWSLogs/444444444444/*" && s.Action == "s3:PutObject" if s.Effect == "Allow"
    ])
    error_message = "Log delivery may only PutObject under the ALB prefix of this account."
  }

  assert {
    condition     = one([for r in aws_s3_bucket_lifecycle_configuration.logs.rule : r.expiration[0].days]) >= 365
    error_message = "PCI 10.5.1: access logs are kept at least 365 days."
  }

  assert {
    condition     = aws_s3_bucket_logging.logs.target_bucket == var.access_log_bucket_name && length(aws_s3_bucket.access_logs) == 0
    error_message = "Server access logs of the log bucket go to the account's access-log bucket."
  }
}

run "regional_elb_account_is_granted_when_given" {
  command = plan

  variables {
    elb_service_account_id = "156460612806"
  }

  assert {
    condition     = contains([for s in jsondecode(aws_s3_bucket_policy.logs.policy).Statement : try(s.Principal.AWS, "")], "arn:aws:iam::156460612806:root")
    error_message = "Pre-August-2022 regions need the regional ELB account in the bucket policy."
  }
}

run "rejects_weak_tls_policy" {
  command = plan

  variables {
    ssl_policy = "ELBSecurityPolicy-2016-08"
  }

  expect_failures = [var.ssl_policy]
}

run "rejects_short_log_retention" {
  command = plan

  variables {
    log_retention_days = 90
  }

  expect_failures = [var.log_retention_days]
}

run "log_buckets_have_a_locked_second_copy" {
  command = plan

  variables {
    access_log_bucket_name = null
    access_log_kms_key_arn = "arn:aws:kms:eu-west-1:444444444444:key/11111111-2222-3333-4444-555555555555"
    backup_logs            = true
    backup_kms_key_arn     = "arn:aws:kms:eu-west-1:444444444444:key/99999999-2222-3333-4444-555555555555"
  }

  override_resource {
    target          = aws_s3_bucket.logs
    override_during = plan
    values          = { arn = "arn:aws:s3:::cde-prod-web-alb-logs-444444444444" }
  }

  override_resource {
    target          = aws_s3_bucket.access_logs
    override_during = plan
    values          = { arn = "arn:aws:s3:::cde-prod-web-s3-access-logs-444444444444" }
  }

  assert {
    condition     = aws_backup_selection.logs[0].resources == toset(["arn:aws:s3:::cde-prod-web-alb-logs-444444444444", "arn:aws:s3:::cde-prod-web-s3-access-logs-444444444444"])
    error_message = "PCI 10.3.3: both log buckets are backed up."
  }

  assert {
    condition     = aws_backup_vault.logs[0].kms_key_arn == var.backup_kms_key_arn && aws_backup_vault_lock_configuration.logs[0].changeable_for_days == 3 && aws_backup_vault_lock_configuration.logs[0].min_retention_days >= 365
    error_message = "The vault is encrypted with the backup key and locked in compliance mode for at least a year."
  }

  assert {
    condition     = one(aws_backup_plan.logs[0].rule).lifecycle[0].delete_after >= 365 && one(aws_backup_plan.logs[0].rule).schedule == "cron(0 5 ? * * *)"
    error_message = "PCI 10.5.1: daily copies kept at least a year."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_iam_role.backup[0].assume_role_policy).Statement :
    s.Principal.Service == "backup.amazonaws.com" && s.Condition.StringEquals["aws:SourceAccount"] == "444444444444"])
    error_message = "Only AWS Backup of this account assumes the backup role."
  }

  assert {
    condition = one([for s in jsondecode(aws_backup_vault_policy.logs[0].policy).Statement : s if s.Effect == "Deny" && s.Principal == "*" &&
    contains(s.Action, "backup:DeleteRecoveryPoint")]) != null
    error_message = "The vault policy denies deleting recovery points."
  }
}

run "no_backup_without_a_key" {
  command = plan

  assert {
    condition     = length(aws_backup_vault.logs) == 0 && length(aws_backup_selection.logs) == 0 && length(aws_iam_role.backup) == 0
    error_message = "Without backup_logs the module creates no backup resources."
  }
}

run "backup_needs_a_key" {
  command = plan

  variables {
    backup_logs = true
  }

  expect_failures = [aws_backup_vault.logs]
}
