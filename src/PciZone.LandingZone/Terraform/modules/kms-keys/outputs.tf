output "key_arns" {
  description = "Purpose -> KMS key ARN."
  value       = { for k, key in aws_kms_key.this : k => key.arn }
}

output "key_ids" {
  description = "Purpose -> KMS key id."
  value       = { for k, key in aws_kms_key.this : k => key.key_id }
}

output "alias_names" {
  description = "Purpose -> key alias name."
  value       = { for k, a in aws_kms_alias.this : k => a.name }
}
