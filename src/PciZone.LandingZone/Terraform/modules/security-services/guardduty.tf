locals {
  guardduty_all_features = [
    "S3_DATA_EVENTS",
    "EKS_AUDIT_LOGS",
    "EBS_MALWARE_PROTECTION",
    "RDS_LOGIN_EVENTS",
    "LAMBDA_NETWORK_LOGS",
    "RUNTIME_MONITORING",
  ]

  # Runtime Monitoring deploys its agent through these managed add-ons.
  runtime_agent_management = ["EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT"]
}

# PCI 11.5.1, 5.2.2, 10.4.1.1: GuardDuty threat detection (intrusion and malware indicators from
# CloudTrail, VPC flow and DNS logs) in the delegated admin account, findings every 15 minutes.
resource "aws_guardduty_detector" "this" {
  enable                       = true
  finding_publishing_frequency = var.finding_publishing_frequency
  tags                         = var.tags
}

# PCI 11.5.1, 5.2.2, 5.3.2, 10.2.1.1: protection plans (S3 data events, EKS audit logs, EBS malware
# scanning, RDS login events, Lambda network logs, runtime monitoring), each set explicitly.
resource "aws_guardduty_detector_feature" "this" {
  for_each = toset(local.guardduty_all_features)

  detector_id = aws_guardduty_detector.this.id
  name        = each.value
  status      = contains(var.guardduty_features, each.value) ? "ENABLED" : "DISABLED"

  dynamic "additional_configuration" {
    for_each = each.value == "RUNTIME_MONITORING" ? local.runtime_agent_management : []
    content {
      name   = additional_configuration.value
      status = contains(var.guardduty_features, each.value) ? "ENABLED" : "DISABLED"
    }
  }
}

# PCI 11.5.1, 5.2.1, 5.3.5: every existing and new member account gets GuardDuty automatically and
# cannot opt out on its own.
resource "aws_guardduty_organization_configuration" "this" {
  detector_id                      = aws_guardduty_detector.this.id
  auto_enable_organization_members = "ALL"
}

# PCI 11.5.1, 5.2.2, 5.3.2: the same protection plans are auto-enabled for every member account.
resource "aws_guardduty_organization_configuration_feature" "this" {
  for_each = toset(local.guardduty_all_features)

  detector_id = aws_guardduty_detector.this.id
  name        = each.value
  auto_enable = contains(var.guardduty_features, each.value) ? "ALL" : "NONE"

  dynamic "additional_configuration" {
    for_each = each.value == "RUNTIME_MONITORING" ? local.runtime_agent_management : []
    content {
      name        = additional_configuration.value
      auto_enable = contains(var.guardduty_features, each.value) ? "ALL" : "NONE"
    }
  }

  depends_on = [aws_guardduty_organization_configuration.this]
}
