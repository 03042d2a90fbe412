output "permission_set_arns" {
  description = "Permission set key (administrator, auditor, cde-operator, break-glass) -> ARN."
  value       = { for k, ps in aws_ssoadmin_permission_set.this : k => ps.arn }
}

output "group_ids" {
  description = "Group key -> identity store group id."
  value       = { for k, g in aws_identitystore_group.this : k => g.group_id }
}

output "assignment_keys" {
  description = "Every group/account pair that received an assignment, for the access-review evidence (PCI 7.2.4)."
  value       = sort(keys(aws_ssoadmin_account_assignment.this))
}
