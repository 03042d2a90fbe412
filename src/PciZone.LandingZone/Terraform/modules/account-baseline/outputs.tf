output "config_recorder_name" {
  description = "Name of the Config recorder (and delivery channel) in this account and region."
  value       = aws_config_configuration_recorder_status.this.name
}

output "config_delivery_channel_name" {
  description = "Name of the Config delivery channel."
  value       = aws_config_delivery_channel.this.name
}

output "access_analyzer_arn" {
  description = "ARN of the account-level IAM Access Analyzer in this region."
  value       = aws_accessanalyzer_analyzer.account.arn
}

output "support_role_arn" {
  description = "ARN of the AWS Support role (home region only; null elsewhere)."
  value       = one(aws_iam_role.support[*].arn)
}
