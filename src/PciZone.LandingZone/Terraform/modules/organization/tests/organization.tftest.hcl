mock_provider "aws" {}

variables {
  organization_name = "Example Payments"
  service_access_principals = [
    "cloudtrail.amazonaws.com",
    "config.amazonaws.com",
    "guardduty.amazonaws.com",
    "securityhub.amazonaws.com",
    "access-analyzer.amazonaws.com",
    "sso.amazonaws.com",
  ]
  top_level_ous = {
    security  = "Security"
    workloads = "Workloads"
    suspended = "Suspended"
  }
  child_ous = {
    cde     = { name = "CDE", parent = "workloads" }
    non_cde = { name = "Non-CDE", parent = "workloads" }
  }
  accounts = {
    security-tooling = { name = "security-tooling", email = "aws+sec@example.com", ou = "security", tags = {} }
    cde-prod         = { name = "cde-prod", email = "aws+cde@example.com", ou = "cde", tags = { "pci:scope" = "cde" } }
  }
  delegated_admin_account_key = "security-tooling"
  delegated_admin_services = [
    "guardduty.amazonaws.com",
    "securityhub.amazonaws.com",
    "config.amazonaws.com",
    "access-analyzer.amazonaws.com",
  ]
  tags = { owner = "platform" }
}

run "organization_has_all_features_and_scps" {
  command = plan

  assert {
    condition     = aws_organizations_organization.this.feature_set == "ALL"
    error_message = "The organisation must enable ALL features, or SCPs cannot be attached."
  }

  assert {
    condition     = contains(aws_organizations_organization.this.enabled_policy_types, "SERVICE_CONTROL_POLICY")
    error_message = "SERVICE_CONTROL_POLICY must be enabled (PCI 7.2.1, 7.3.3)."
  }

  assert {
    condition     = contains(aws_organizations_organization.this.aws_service_access_principals, "guardduty.amazonaws.com")
    error_message = "Trusted access for GuardDuty must be passed through."
  }
}

run "accounts_are_safe_to_remove_and_placed_in_their_ou" {
  command = plan

  assert {
    condition     = alltrue([for a in aws_organizations_account.this : a.close_on_deletion == false])
    error_message = "close_on_deletion must be false: removing an account from the spec must not close it."
  }

  assert {
    condition     = alltrue([for a in aws_organizations_account.this : a.role_name == "OrganizationAccountAccessRole"])
    error_message = "Accounts must be created with role_name OrganizationAccountAccessRole."
  }

  assert {
    condition     = alltrue([for a in aws_organizations_account.this : a.iam_user_access_to_billing == "DENY"])
    error_message = "IAM users must get no billing access by default."
  }

  assert {
    condition     = aws_organizations_account.this["cde-prod"].tags["pci:scope"] == "cde" && aws_organizations_account.this["cde-prod"].tags["owner"] == "platform"
    error_message = "Account tags must merge module tags and per-account tags."
  }

  assert {
    condition     = aws_organizations_account.this["cde-prod"].tags["pcizone:organization"] == "Example Payments"
    error_message = "The organisation name must be tagged on accounts."
  }

  assert {
    condition     = length(aws_organizations_organizational_unit.child) == 2 && length(aws_organizations_organizational_unit.top) == 3
    error_message = "Every top-level and child OU must be created."
  }

  assert {
    condition     = length(output.ou_ids) == 5 && length(output.account_ids) == 2
    error_message = "ou_ids must hold both OU levels and account_ids every account."
  }
}

run "security_services_are_delegated_once_each" {
  command = plan

  assert {
    condition     = toset(keys(aws_organizations_delegated_administrator.this)) == toset(["config.amazonaws.com", "access-analyzer.amazonaws.com"])
    error_message = "Organizations delegation must cover config and access-analyzer but leave GuardDuty and Security Hub to their own APIs."
  }
}

run "account_in_unknown_ou_is_rejected" {
  command = plan

  variables {
    accounts = {
      security-tooling = { name = "security-tooling", email = "aws+sec@example.com", ou = "security", tags = {} }
      stray            = { name = "stray", email = "aws+stray@example.com", ou = "no-such-ou", tags = {} }
    }
  }

  expect_failures = [aws_organizations_account.this]
}

run "delegation_without_trusted_access_is_rejected" {
  command = plan

  variables {
    service_access_principals = ["guardduty.amazonaws.com", "securityhub.amazonaws.com"]
  }

  expect_failures = [aws_organizations_delegated_administrator.this]
}

run "duplicate_account_email_is_rejected" {
  command = plan

  variables {
    accounts = {
      security-tooling = { name = "security-tooling", email = "aws+sec@example.com", ou = "security", tags = {} }
      twin             = { name = "twin", email = "AWS+sec@example.com", ou = "security", tags = {} }
    }
  }

  expect_failures = [var.accounts]
}

run "member_accounts_have_no_root_credentials" {
  command = plan

  assert {
    condition     = length(aws_iam_organizations_features.this) == 1 && toset(aws_iam_organizations_features.this[0].enabled_features) == toset(["RootCredentialsManagement", "RootSessions"])
    error_message = "Centralised root access (credentials management and root sessions) must be on by default (PCI 8.2.2)."
  }

  assert {
    condition     = contains(aws_organizations_organization.this.aws_service_access_principals, "iam.amazonaws.com")
    error_message = "Centralised root access needs iam.amazonaws.com trusted access."
  }
}
