output "organization_id" {
  description = "Organisation id (o-...), used in aws:PrincipalOrgID / aws:SourceOrgID conditions by later stages."
  value       = aws_organizations_organization.this.id
}

output "organization_arn" {
  description = "Organisation ARN (RAM shares, trail and bucket policies)."
  value       = aws_organizations_organization.this.arn
}

output "root_id" {
  description = "Id of the organisation root (r-...), where the generator attaches organisation-wide SCPs."
  value       = aws_organizations_organization.this.roots[0].id
}

output "ou_ids" {
  description = "OU key -> OU id, top-level and child OUs in one map."
  value = merge(
    { for k, ou in aws_organizations_organizational_unit.top : k => ou.id },
    { for k, ou in aws_organizations_organizational_unit.child : k => ou.id },
  )
}

output "account_ids" {
  description = "Account key -> 12-digit account id."
  value       = { for k, a in aws_organizations_account.this : k => a.id }
}

output "management_account_id" {
  description = "Account id of the management account that owns the organisation."
  value       = aws_organizations_organization.this.master_account_id
}

output "delegated_admin_account_id" {
  description = "Account id of the security-tooling account delegated for the security services."
  value       = local.security_admin
}
