locals {
  pci_standard_arn  = "arn:${var.partition}:securityhub:${var.region}::standards/pci-dss/v/4.0.1"
  fsbp_standard_arn = "arn:${var.partition}:securityhub:${var.region}::standards/aws-foundational-security-best-practices/v/1.0.0"
}

# PCI 10.4.1.1, 10.7.2, 12.10.5: Security Hub collects findings (GuardDuty, Config, Access Analyzer,
# Inspector) of the whole organisation; default standards are off so only chosen ones run, and
# consolidated control findings are produced once per control.
resource "aws_securityhub_account" "this" {
  enable_default_standards  = false
  control_finding_generator = "SECURITY_CONTROL"
  auto_enable_controls      = true
}

# PCI 10.4.1.1, 10.7.2: Security Hub is switched on automatically in every new member account.
resource "aws_securityhub_organization_configuration" "this" {
  auto_enable           = true
  auto_enable_standards = "NONE"

  organization_configuration {
    configuration_type = "LOCAL"
  }

  depends_on = [aws_securityhub_account.this]
}

# PCI 2.2.1, 10.4.1.1, 11.5.1, 6.3.1: the PCI DSS v4.0.1 standard's automated checks run
# continuously (v3.2.1 was retired).
resource "aws_securityhub_standards_subscription" "pci" {
  standards_arn = local.pci_standard_arn

  depends_on = [aws_securityhub_account.this]
}

# PCI 2.2.1, 6.3.1: AWS Foundational Security Best Practices adds hardening checks the PCI
# standard does not cover.
resource "aws_securityhub_standards_subscription" "fsbp" {
  count = var.enable_foundational_best_practices ? 1 : 0

  standards_arn = local.fsbp_standard_arn

  depends_on = [aws_securityhub_account.this]
}

# PCI 10.4.1, 10.4.1.1: findings of every region (current and future) are copied into the home region,
# so one place shows the organisation's findings.
resource "aws_securityhub_finding_aggregator" "this" {
  count = var.is_home_region ? 1 : 0

  linking_mode = "ALL_REGIONS"

  depends_on = [aws_securityhub_account.this]
}
