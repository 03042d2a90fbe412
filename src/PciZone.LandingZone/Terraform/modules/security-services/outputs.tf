output "guardduty_detector_id" {
  description = "GuardDuty detector id of the delegated admin account in this region."
  value       = aws_guardduty_detector.this.id
}

output "securityhub_pci_subscription_arn" {
  description = "ARN of the PCI DSS v4.0.1 standard subscription in this region."
  value       = aws_securityhub_standards_subscription.pci.id
}

output "securityhub_pci_standard_arn" {
  description = "ARN of the PCI DSS v4.0.1 standard itself in this region."
  value       = aws_securityhub_standards_subscription.pci.standards_arn
}

output "config_aggregator_arn" {
  description = "ARN of the Config organization aggregator (null outside the home region)."
  value       = one(aws_config_configuration_aggregator.organization[*].arn)
}

output "organization_access_analyzer_arn" {
  description = "ARN of the ORGANIZATION Access Analyzer (null outside the home region)."
  value       = one(aws_accessanalyzer_analyzer.organization[*].arn)
}

output "findings_topic_arn" {
  description = "SNS topic that receives GuardDuty findings of severity 7 and above in this region; subscribe the responders."
  value       = aws_sns_topic.findings.arn
}

output "finding_aggregator_arn" {
  description = "ARN of the Security Hub finding aggregator (null outside the home region)."
  value       = one(aws_securityhub_finding_aggregator.this[*].id)
}
