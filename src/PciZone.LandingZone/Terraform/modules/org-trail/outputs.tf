output "trail_arn" {
  description = "ARN of the organisation trail."
  value       = aws_cloudtrail.org.arn
}

output "alarm_topic_arn" {
  description = "ARN of the KMS-encrypted SNS topic that receives the security alarms."
  value       = aws_sns_topic.alarms.arn
}

output "log_group_name" {
  description = "Name of the CloudWatch Logs group that receives the trail."
  value       = aws_cloudwatch_log_group.trail.name
}

output "monitoring_kms_key_arn" {
  description = "ARN of the KMS key of the log group and the alarm topic."
  value       = aws_kms_key.monitoring.arn
}

output "alarm_names" {
  description = "Security event key -> CloudWatch alarm name."
  value       = { for k, a in aws_cloudwatch_metric_alarm.security : k => a.alarm_name }
}
