locals {
  # Confused-deputy protection: Config may assume the role only for this account, or at least
  # only for a resource of this organisation.
  aggregator_source_key   = var.account_id != null ? "aws:SourceAccount" : "aws:SourceOrgID"
  aggregator_source_value = var.account_id != null ? var.account_id : var.organization_id
}

# PCI 12.5.1, 10.2.1, 11.5.2: AWS Config reads the organisation's account list through this role
# to aggregate every account and region; trust is limited to config.amazonaws.com.
resource "aws_iam_role" "config_aggregator" {
  count = var.is_home_region ? 1 : 0

  name        = var.config_aggregator_role_name
  description = "AWS Config organization aggregator (PciZone landing zone)."
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "ConfigAggregatorAssumeRole"
        Effect    = "Allow"
        Principal = { Service = "config.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = { StringEquals = { (local.aggregator_source_key) = local.aggregator_source_value } }
      },
    ]
  })
  tags = var.tags
}

# PCI 7.2.5: the aggregator role holds only the AWS managed policy made for organisation
# aggregation (read Organizations account lists).
resource "aws_iam_role_policy_attachment" "config_aggregator" {
  count = var.is_home_region ? 1 : 0

  role       = aws_iam_role.config_aggregator[0].name
  policy_arn = "arn:${var.partition}:iam::aws:policy/service-role/AWSConfigRoleForOrganizations"
}

# PCI 12.5.1, 10.4.1.1, 11.5.2: one inventory and configuration view of every account in every
# region, in the security-tooling account.
resource "aws_config_configuration_aggregator" "organization" {
  count = var.is_home_region ? 1 : 0

  name = "pcizone-organization"
  tags = var.tags

  organization_aggregation_source {
    all_regions = true
    role_arn    = aws_iam_role.config_aggregator[0].arn
  }

  depends_on = [aws_iam_role_policy_attachment.config_aggregator]
}

# PCI 7.2.1, 7.2.5, 1.4.4, 10.4.1.1: IAM Access Analyzer with the organisation as zone of trust
# reports any resource shared outside the organisation.
resource "aws_accessanalyzer_analyzer" "organization" {
  count = var.is_home_region ? 1 : 0

  analyzer_name = "pcizone-organization"
  type          = "ORGANIZATION"
  tags          = var.tags
}
