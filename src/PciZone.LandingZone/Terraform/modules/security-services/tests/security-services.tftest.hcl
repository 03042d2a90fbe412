mock_provider "aws" {}

variables {
  region                      = "eu-west-1"
  is_home_region              = true
  organization_id             = "o-abcdefghij"
  config_aggregator_role_name = "pcizone-config-aggregator"
  account_id                  = "333333333333"
  tags                        = { owner = "security" }
}

run "guardduty_is_on_for_the_whole_organisation" {
  command = plan

  assert {
    condition     = aws_guardduty_detector.this.enable == true
    error_message = "The GuardDuty detector must be enabled (PCI 11.5.1)."
  }

  assert {
    condition     = aws_guardduty_detector_feature.this["S3_DATA_EVENTS"].status == "ENABLED" && aws_guardduty_detector_feature.this["EBS_MALWARE_PROTECTION"].status == "ENABLED"
    error_message = "S3 protection and EBS malware protection must be enabled."
  }

  assert {
    condition     = alltrue([for f in aws_guardduty_detector_feature.this : f.status == "ENABLED"])
    error_message = "All protection plans are enabled by default."
  }

  assert {
    condition     = aws_guardduty_organization_configuration.this.auto_enable_organization_members == "ALL"
    error_message = "GuardDuty must be auto-enabled for ALL member accounts, existing and new."
  }

  assert {
    condition     = alltrue([for f in aws_guardduty_organization_configuration_feature.this : f.auto_enable == "ALL"])
    error_message = "Every protection plan must be auto-enabled for ALL members."
  }
}

run "security_hub_runs_pci_dss_v4_0_1" {
  command = plan

  assert {
    condition     = aws_securityhub_standards_subscription.pci.standards_arn == "arn:aws:securityhub:eu-west-1::standards/pci-dss/v/4.0.1"
    error_message = "The PCI DSS v4.0.1 standard of this region must be subscribed."
  }

  assert {
    condition     = aws_securityhub_organization_configuration.this.auto_enable == true
    error_message = "Security Hub must be auto-enabled in new member accounts."
  }

  assert {
    condition     = aws_securityhub_account.this.enable_default_standards == false
    error_message = "Default standards stay off; standards are chosen explicitly."
  }
}

run "home_region_aggregates_config_and_analyses_access" {
  command = plan

  assert {
    condition     = aws_config_configuration_aggregator.organization[0].organization_aggregation_source[0].all_regions == true
    error_message = "The Config aggregator must cover all regions of the organisation."
  }

  assert {
    condition     = aws_accessanalyzer_analyzer.organization[0].type == "ORGANIZATION"
    error_message = "The home region must run an ORGANIZATION Access Analyzer."
  }

  assert {
    condition     = jsondecode(aws_iam_role.config_aggregator[0].assume_role_policy).Statement[0].Principal.Service == "config.amazonaws.com"
    error_message = "Only AWS Config may assume the aggregator role."
  }

  assert {
    condition     = jsondecode(aws_iam_role.config_aggregator[0].assume_role_policy).Statement[0].Condition.StringEquals["aws:SourceAccount"] == "333333333333"
    error_message = "The aggregator role trust must be limited to this account (confused deputy)."
  }

  assert {
    condition     = aws_iam_role_policy_attachment.config_aggregator[0].policy_arn == "arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations"
    error_message = "The aggregator role holds only AWSConfigRoleForOrganizations."
  }
}

run "trust_falls_back_to_the_organisation" {
  command = plan

  variables {
    account_id = null
  }

  assert {
    condition     = jsondecode(aws_iam_role.config_aggregator[0].assume_role_policy).Statement[0].Condition.StringEquals["aws:SourceOrgID"] == "o-abcdefghij"
    error_message = "Without account_id the trust is limited to the organisation."
  }
}

run "other_regions_have_detector_and_pci_but_no_aggregator" {
  command = plan

  variables {
    region         = "eu-central-1"
    is_home_region = false
  }

  assert {
    condition     = length(aws_config_configuration_aggregator.organization) == 0 && length(aws_accessanalyzer_analyzer.organization) == 0 && length(aws_iam_role.config_aggregator) == 0
    error_message = "Aggregator, its role and the organisation analyzer live only in the home region."
  }

  assert {
    condition     = aws_securityhub_standards_subscription.pci.standards_arn == "arn:aws:securityhub:eu-central-1::standards/pci-dss/v/4.0.1" && aws_guardduty_detector.this.enable
    error_message = "Every region gets GuardDuty and its own region's PCI standard."
  }
}

run "dropping_s3_protection_is_rejected" {
  command = plan

  variables {
    guardduty_features = ["EBS_MALWARE_PROTECTION"]
  }

  expect_failures = [var.guardduty_features]
}

run "high_severity_findings_reach_the_responders_topic" {
  command = plan

  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.guardduty_high.event_pattern).source == ["aws.guardduty"] && jsondecode(aws_cloudwatch_event_rule.guardduty_high.event_pattern).detail.severity[0].numeric == [">=", 7]
    error_message = "The rule must receive GuardDuty findings of severity 7 and above (PCI 12.10.5)."
  }

  assert {
    condition     = aws_cloudwatch_event_target.guardduty_high.rule == "pcizone-guardduty-high-severity"
    error_message = "The findings rule must have the topic as target."
  }

  assert {
    condition = [for s in jsondecode(aws_sns_topic_policy.findings.policy).Statement :
    s.Condition.ArnEquals["aws:SourceArn"] if s.Sid == "FindingsRulePublishes"] == ["arn:aws:events:eu-west-1:333333333333:rule/pcizone-guardduty-high-severity"]
    error_message = "Only the findings rule may publish to the topic."
  }

  assert {
    condition     = aws_kms_key.findings.enable_key_rotation && aws_kms_key.findings.rotation_period_in_days == 365
    error_message = "The findings key must rotate yearly (PCI 3.7.4)."
  }
}

run "findings_of_every_region_are_aggregated_in_the_home_region" {
  command = plan

  assert {
    condition     = one(aws_securityhub_finding_aggregator.this[*].linking_mode) == "ALL_REGIONS"
    error_message = "The home region must aggregate the findings of every region (PCI 10.4.1)."
  }
}

run "other_regions_do_not_aggregate" {
  command = plan

  variables {
    is_home_region = false
  }

  assert {
    condition     = length(aws_securityhub_finding_aggregator.this) == 0
    error_message = "Only the home region holds the finding aggregator."
  }
}
