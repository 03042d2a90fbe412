output "log_bucket_name" {
  description = "Name of the central audit-log bucket (CloudTrail, Config, VPC flow logs)."
  value       = aws_s3_bucket.logs.id
}

output "log_bucket_arn" {
  description = "ARN of the central audit-log bucket."
  value       = aws_s3_bucket.logs.arn
}

output "log_kms_key_arn" {
  description = "ARN of the KMS key that encrypts every log in the archive."
  value       = aws_kms_key.logs.arn
}

output "access_log_bucket_name" {
  description = "Name of the bucket that receives the log bucket's S3 server access logs."
  value       = aws_s3_bucket.access_logs.id
}

output "log_kms_key_alias" {
  description = "Alias of the log key."
  value       = aws_kms_alias.logs.name
}

output "access_log_bucket_arn" {
  description = "ARN of the S3 server access log bucket."
  value       = aws_s3_bucket.access_logs.arn
}

output "backup_vault_arn" {
  description = "ARN of the AWS Backup vault that holds the daily copy of both log buckets."
  value       = aws_backup_vault.logs.arn
}

output "backup_kms_key_arn" {
  description = "ARN of the KMS key that encrypts the backup vault."
  value       = aws_kms_key.backup.arn
}
