locals {
  tags = merge(var.tags, { "pcizone:organization" = var.organization_name })

  # GuardDuty and Security Hub register their delegated administrator themselves through
  # EnableOrganizationAdminAccount; registering the same account again through Organizations
  # fails with AccountAlreadyRegisteredException, so those two are left to their own resources.
  service_api_delegations = ["guardduty.amazonaws.com", "securityhub.amazonaws.com"]
  organizations_delegations = toset([
    for s in var.delegated_admin_services : s if !contains(local.service_api_delegations, s)
  ])

  # Centralised root access needs IAM trusted access; adding it here keeps callers from having
  # to know that coupling.
  service_access_principals = distinct(concat(
    var.service_access_principals,
    var.enable_centralized_root_access ? ["iam.amazonaws.com"] : [],
  ))

  ou_keys_overlap = setintersection(toset(keys(var.top_level_ous)), toset(keys(var.child_ous)))
  all_ou_keys     = concat(keys(var.top_level_ous), keys(var.child_ous))
  security_admin  = contains(keys(var.accounts), var.delegated_admin_account_key) ? aws_organizations_account.this[var.delegated_admin_account_key].id : null
}

# PCI 1.2.3, 12.5.1, 12.5.2: one organisation with all features is the authoritative inventory
# of in-scope accounts; PCI 7.2.1, 7.3.3: SERVICE_CONTROL_POLICY enabled so guardrails
# (deny by default for what the CDE does not need) can be attached by the organization stage.
resource "aws_organizations_organization" "this" {
  feature_set                   = "ALL"
  enabled_policy_types          = distinct(concat(["SERVICE_CONTROL_POLICY"], var.additional_policy_types))
  aws_service_access_principals = local.service_access_principals

  lifecycle {
    # Deleting the organisation would detach every account from its guardrails and logging.
    prevent_destroy = true
  }
}

# PCI 1.2.3, 1.3.1, 12.5.1: a top-level OU per security level (Security, Infrastructure,
# Workloads, Sandbox, Suspended) so CDE and non-CDE accounts get different guardrails.
resource "aws_organizations_organizational_unit" "top" {
  for_each = var.top_level_ous

  name      = each.value
  parent_id = aws_organizations_organization.this.roots[0].id
  tags      = local.tags

  lifecycle {
    precondition {
      condition     = length(local.ou_keys_overlap) == 0
      error_message = "Keys of top_level_ous and child_ous must be distinct: ${join(", ", local.ou_keys_overlap)}."
    }
  }
}

# PCI 1.3.1, 1.3.2, 12.5.2: CDE and non-CDE workloads sit in separate OUs (Workloads/CDE,
# Workloads/Non-CDE) so the CDE boundary is visible in the account hierarchy.
resource "aws_organizations_organizational_unit" "child" {
  for_each = var.child_ous

  name      = each.value.name
  parent_id = aws_organizations_organizational_unit.top[each.value.parent].id
  tags      = local.tags

  lifecycle {
    precondition {
      condition     = contains(keys(var.top_level_ous), each.value.parent)
      error_message = "Child OU ${each.key} names parent ${each.value.parent}, which is not a key of top_level_ous."
    }
  }
}

# PCI 12.5.1, 2.2.3: every account is created here, in its OU, so the inventory of in-scope
# accounts is the code; PCI 8.2.2: the only cross-account role is the standard admin role,
# reached through Identity Center, never shared IAM users.
resource "aws_organizations_account" "this" {
  for_each = var.accounts

  name      = each.value.name
  email     = each.value.email
  parent_id = contains(keys(var.top_level_ous), each.value.ou) ? aws_organizations_organizational_unit.top[each.value.ou].id : aws_organizations_organizational_unit.child[each.value.ou].id
  role_name = "OrganizationAccountAccessRole"
  # PCI 7.2.2: IAM users (which should not exist) get no billing access by default.
  iam_user_access_to_billing = "DENY"
  # Removing an account from the spec must never close it and destroy its evidence.
  close_on_deletion = false
  tags              = merge(local.tags, each.value.tags)

  lifecycle {
    # AWS does not return role_name or the billing setting after creation; re-reading would
    # force a replacement (a new account) on every plan after import.
    ignore_changes = [role_name, iam_user_access_to_billing]

    precondition {
      condition     = contains(local.all_ou_keys, each.value.ou)
      error_message = "Account ${each.key} names OU ${each.value.ou}, which is not a key of top_level_ous or child_ous."
    }
  }
}

# PCI 10.4.1.1, 11.5.1, 12.10.5: security tooling (Config, Access Analyzer, ...) is administered
# from one dedicated security account, not from the management account or a workload account.
resource "aws_organizations_delegated_administrator" "this" {
  for_each = local.organizations_delegations

  account_id        = local.security_admin
  service_principal = each.value

  depends_on = [aws_organizations_organization.this]

  lifecycle {
    precondition {
      condition     = local.security_admin != null
      error_message = "delegated_admin_account_key ${var.delegated_admin_account_key} is not a key of accounts."
    }
    precondition {
      condition     = contains(local.service_access_principals, each.value)
      error_message = "Delegating ${each.value} needs trusted access: add it to service_access_principals."
    }
  }
}

# PCI 11.5.1, 5.2.2, 10.4.1.1: GuardDuty threat detection for every account is run from the
# security-tooling account.
resource "aws_guardduty_organization_admin_account" "this" {
  admin_account_id = local.security_admin

  depends_on = [aws_organizations_organization.this]

  lifecycle {
    precondition {
      condition     = local.security_admin != null
      error_message = "delegated_admin_account_key ${var.delegated_admin_account_key} is not a key of accounts."
    }
    precondition {
      condition     = contains(var.service_access_principals, "guardduty.amazonaws.com")
      error_message = "GuardDuty delegation needs guardduty.amazonaws.com in service_access_principals."
    }
  }
}

# PCI 10.4.1.1, 10.7.2, 11.5.1: Security Hub (PCI DSS v4.0.1 standard findings for every
# account) is administered from the security-tooling account.
resource "aws_securityhub_organization_admin_account" "this" {
  admin_account_id = local.security_admin

  depends_on = [aws_organizations_organization.this]

  lifecycle {
    precondition {
      condition     = local.security_admin != null
      error_message = "delegated_admin_account_key ${var.delegated_admin_account_key} is not a key of accounts."
    }
    precondition {
      condition     = contains(var.service_access_principals, "securityhub.amazonaws.com")
      error_message = "Security Hub delegation needs securityhub.amazonaws.com in service_access_principals."
    }
  }
}

# PCI 8.2.2, 2.2.2, 8.6.1: member accounts have no long-lived root credentials; privileged root
# tasks run as short root sessions from the management account, so the root user (a shared,
# generic account) cannot be used interactively in CDE accounts.
resource "aws_iam_organizations_features" "this" {
  count = var.enable_centralized_root_access ? 1 : 0

  enabled_features = ["RootCredentialsManagement", "RootSessions"]

  depends_on = [aws_organizations_organization.this]
}
