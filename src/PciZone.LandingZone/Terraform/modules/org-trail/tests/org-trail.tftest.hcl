mock_provider "aws" {}

variables {
  trail_name            = "acme-org-trail"
  log_bucket_name       = "acme-log-archive-222222222222"
  log_kms_key_arn       = "arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  organization_id       = "o-abcdef1234"
  management_account_id = "111111111111"
  region                = "eu-west-1"
  tags                  = { Owner = "security" }
}

run "trail_covers_the_whole_organisation" {
  command = plan

  assert {
    condition     = aws_cloudtrail.org.is_organization_trail && aws_cloudtrail.org.is_multi_region_trail && aws_cloudtrail.org.include_global_service_events
    error_message = "The trail must be an organisation trail in every region with global service events (PCI 10.2.1)."
  }

  assert {
    condition     = aws_cloudtrail.org.enable_log_file_validation && aws_cloudtrail.org.enable_logging
    error_message = "The trail must log and write digest files (PCI 10.3.4)."
  }

  assert {
    condition     = aws_cloudtrail.org.kms_key_id == "arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab" && aws_cloudtrail.org.s3_bucket_name == "acme-log-archive-222222222222"
    error_message = "The trail must deliver SSE-KMS encrypted logs to the central bucket."
  }

  assert {
    condition     = aws_cloudtrail.org.tags["Owner"] == "security"
    error_message = "Tags must be applied."
  }
}

run "trail_records_all_management_events_and_s3_objects_in_all_buckets" {
  command = plan

  assert {
    condition = length([for s in aws_cloudtrail.org.advanced_event_selector : s if length(s.field_selector) == 1 &&
    alltrue([for f in s.field_selector : f.field == "eventCategory" && f.equals == tolist(["Management"])])]) == 1
    error_message = "One selector must record all management events, read and write (PCI 10.2.1.2)."
  }

  assert {
    condition = length([for s in aws_cloudtrail.org.advanced_event_selector : s if
      contains([for f in s.field_selector : f.field == "resources.type" && f.equals == tolist(["AWS::S3::Object"])], true) &&
      contains([for f in s.field_selector : f.field == "eventCategory" && f.equals == tolist(["Data"])], true) &&
      !contains([for f in s.field_selector : f.field], "resources.ARN") &&
    !contains([for f in s.field_selector : f.field], "readOnly")]) == 1
    error_message = "One selector must record S3 object reads and writes in every bucket, without an ARN filter (PCI 10.2.1.1)."
  }
}

run "cloudwatch_logs_copy_is_kept_a_year_and_encrypted" {
  command = plan

  assert {
    condition     = aws_cloudwatch_log_group.trail.retention_in_days >= 365 && aws_cloudwatch_log_group.trail.name == "/aws/cloudtrail/acme-org-trail"
    error_message = "The log group must keep events at least 365 days (PCI 10.5.1)."
  }

  assert {
    condition     = one(jsondecode(aws_iam_role.cloudtrail_to_logs.assume_role_policy).Statement).Condition.StringEquals["aws:SourceArn"] == "arn:aws:cloudtrail:eu-west-1:111111111111:trail/acme-org-trail"
    error_message = "Only this trail may assume the delivery role."
  }

  assert {
    condition     = one(jsondecode(aws_iam_role_policy.cloudtrail_to_logs.policy).Statement).Resource == "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/cloudtrail/acme-org-trail:log-stream:*"
    error_message = "The delivery role may only write to the trail's log group."
  }
}

run "every_pci_10_2_1_event_has_a_filter_and_an_alarm" {
  command = plan

  assert {
    condition = alltrue([for k in [
      "root-account-usage", "console-login-failures", "console-login-without-mfa", "iam-policy-changes",
      "cloudtrail-config-changes", "kms-key-disable-or-deletion", "s3-bucket-policy-changes", "config-changes",
      "security-group-changes", "nacl-changes", "network-gateway-changes", "route-table-changes", "vpc-changes",
      "unauthorized-api-calls", "organizations-changes", "security-controls-stopped",
    ] : contains(keys(aws_cloudwatch_log_metric_filter.security), k) && contains(keys(aws_cloudwatch_metric_alarm.security), k)])
    error_message = "Each of the 16 security events must have a metric filter and an alarm (PCI 10.4.1.1, 10.7.2)."
  }

  assert {
    condition     = strcontains(aws_cloudwatch_log_metric_filter.security["root-account-usage"].pattern, "$.userIdentity.type = \"Root\"")
    error_message = "The root-usage filter must match the root identity."
  }

  assert {
    condition     = strcontains(aws_cloudwatch_log_metric_filter.security["console-login-without-mfa"].pattern, "MFAUsed != \"Yes\"")
    error_message = "The MFA filter must match sign-ins without MFA."
  }

  assert {
    condition = alltrue([for a in aws_cloudwatch_metric_alarm.security :
    a.actions_enabled && a.threshold == 1 && a.comparison_operator == "GreaterThanOrEqualToThreshold" && a.statistic == "Sum" && a.evaluation_periods == 1])
    error_message = "Every alarm must fire on the first occurrence."
  }

  assert {
    condition     = alltrue([for f in aws_cloudwatch_log_metric_filter.security : f.log_group_name == "/aws/cloudtrail/acme-org-trail"])
    error_message = "Every filter must read the trail's log group."
  }
}

run "alarm_topic_and_log_group_are_encrypted_with_the_monitoring_key" {
  command = plan

  override_resource {
    target          = aws_kms_key.monitoring
    override_during = plan
    values = {
      arn = "arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555"
    }
  }

  assert {
    condition     = aws_sns_topic.alarms.kms_master_key_id == "arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555"
    error_message = "The alarm topic must be encrypted with the monitoring key (PCI 3.5.1)."
  }

  assert {
    condition     = aws_cloudwatch_log_group.trail.kms_key_id == "arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555"
    error_message = "The trail's log group must be encrypted with the monitoring key (PCI 10.3.1)."
  }
}

run "only_this_accounts_alarms_publish" {
  command = plan

  assert {
    condition     = aws_sns_topic.alarms.name == "acme-org-trail-security-alarms"
    error_message = "Unexpected topic name."
  }

  assert {
    condition = one([for s in jsondecode(aws_sns_topic_policy.alarms.policy).Statement : s.Condition.ArnLike["aws:SourceArn"]
    if try(s.Principal.Service, "") == "cloudwatch.amazonaws.com"]) == "arn:aws:cloudwatch:eu-west-1:111111111111:alarm:*"
    error_message = "Only this account's alarms may publish."
  }

  assert {
    condition     = alltrue([for s in jsondecode(aws_sns_topic_policy.alarms.policy).Statement : s.Principal != "*" && try(s.Principal.AWS, "") != "*"])
    error_message = "The topic policy must not name the principal *."
  }

  assert {
    condition     = length(aws_sns_topic_subscription.email) == 0
    error_message = "No subscription without alarm_email."
  }
}

run "monitoring_key_rotates_and_lets_alarms_and_logs_use_it" {
  command = plan

  assert {
    condition     = aws_kms_key.monitoring.enable_key_rotation && aws_kms_key.monitoring.rotation_period_in_days <= 365
    error_message = "The monitoring key must rotate at least yearly (PCI 3.7.4)."
  }

  assert {
    condition = contains([for s in jsondecode(aws_kms_key.monitoring.policy).Statement : try(s.Principal.Service, "")], "cloudwatch.amazonaws.com") && contains(
    [for s in jsondecode(aws_kms_key.monitoring.policy).Statement : try(s.Principal.Service, "")], "logs.eu-west-1.amazonaws.com")
    error_message = "CloudWatch alarms and CloudWatch Logs must be allowed to use the key."
  }

  assert {
    condition = one([for s in jsondecode(aws_kms_key.monitoring.policy).Statement : s.Condition.ArnEquals["kms:EncryptionContext:aws:logs:arn"]
    if try(s.Principal.Service, "") == "logs.eu-west-1.amazonaws.com"]) == "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/cloudtrail/acme-org-trail"
    error_message = "CloudWatch Logs may use the key only for the trail's log group."
  }

  assert {
    condition     = alltrue([for s in jsondecode(aws_kms_key.monitoring.policy).Statement : s.Principal != "*" && try(s.Principal.AWS, "") != "*"])
    error_message = "The key policy must not name the principal *."
  }
}

run "email_subscription_when_requested" {
  command = plan

  variables {
    alarm_email        = "soc@example.com"
    log_retention_days = 400
  }

  assert {
    condition     = length(aws_sns_topic_subscription.email) == 1 && aws_sns_topic_subscription.email[0].protocol == "email" && aws_sns_topic_subscription.email[0].endpoint == "soc@example.com"
    error_message = "alarm_email must be subscribed by e-mail."
  }

  assert {
    condition     = aws_cloudwatch_log_group.trail.retention_in_days == 400
    error_message = "log_retention_days must reach the log group."
  }
}

run "rejects_short_log_group_retention" {
  command = plan

  variables {
    log_retention_days = 180
  }

  expect_failures = [var.log_retention_days]
}

run "rejects_alias_instead_of_key_arn" {
  command = plan

  variables {
    log_kms_key_arn = "arn:aws:kms:eu-west-1:222222222222:alias/logs"
  }

  expect_failures = [var.log_kms_key_arn]
}

run "insights_review_api_call_and_error_rates" {
  command = plan

  assert {
    condition     = toset([for i in aws_cloudtrail.org.insight_selector : i.insight_type]) == toset(["ApiCallRateInsight", "ApiErrorRateInsight"])
    error_message = "The trail must run CloudTrail Insights on API call and error rates (PCI 10.4.1.1)."
  }
}

run "log_deliveries_are_notified_and_their_absence_alarms" {
  command = plan

  assert {
    condition     = aws_cloudtrail.org.sns_topic_name == "acme-org-trail-log-deliveries"
    error_message = "The trail must notify the deliveries topic of each log file (PCI 10.7.2)."
  }

  assert {
    condition = [for s in jsondecode(aws_sns_topic_policy.deliveries.policy).Statement :
    s.Condition.StringEquals["aws:SourceArn"] if s.Sid == "OrganizationTrailPublishes"] == ["arn:aws:cloudtrail:eu-west-1:111111111111:trail/acme-org-trail"]
    error_message = "Only this trail may publish to the deliveries topic."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.deliveries_stopped.treat_missing_data == "breaching" && aws_cloudwatch_metric_alarm.deliveries_stopped.comparison_operator == "LessThanThreshold" && aws_cloudwatch_metric_alarm.deliveries_stopped.period == 3600
    error_message = "An hour without deliveries must raise an alarm (PCI 10.7.2)."
  }

  assert {
    condition     = strcontains(aws_cloudwatch_log_metric_filter.security["security-controls-stopped"].pattern, "DeleteDetector") && strcontains(aws_cloudwatch_log_metric_filter.security["security-controls-stopped"].pattern, "DeleteLoggingConfiguration")
    error_message = "Stopping GuardDuty or WAF logging must raise an alarm (PCI 10.7.2)."
  }
}
