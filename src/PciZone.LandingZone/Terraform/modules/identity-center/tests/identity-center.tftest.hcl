mock_provider "aws" {}

variables {
  instance_arn      = "arn:aws:sso:::instance/ssoins-0123456789abcdef"
  identity_store_id = "d-0123456789"
  groups = {
    platform-admins = {
      display_name   = "platform-admins"
      description    = "Platform administrators"
      permission_set = "administrator"
      accounts       = { a1 = "111111111111", a2 = "222222222222" }
    }
    qsa = {
      display_name   = "qsa"
      description    = "Assessors"
      permission_set = "auditor"
      accounts       = { a2 = "222222222222" }
    }
    cde-ops = {
      display_name   = "cde-ops"
      description    = "CDE operators"
      permission_set = "cde-operator"
      accounts       = { a3 = "333333333333" }
    }
    break-glass = {
      display_name   = "break-glass"
      description    = "Emergency access"
      permission_set = "break-glass"
      accounts       = { a3 = "333333333333" }
    }
  }
  tags = { owner = "security" }
}

run "permission_sets_have_short_sessions" {
  command = plan

  assert {
    condition     = length(aws_ssoadmin_permission_set.this) == 4
    error_message = "The four job-function permission sets must exist."
  }

  assert {
    condition     = alltrue([for ps in aws_ssoadmin_permission_set.this : ps.session_duration == "PT1H"])
    error_message = "Sessions default to one hour."
  }

  assert {
    condition     = aws_ssoadmin_permission_set.this["break-glass"].session_duration == "PT1H"
    error_message = "Break-glass sessions must be one hour."
  }
}

run "managed_policies_match_job_functions" {
  command = plan

  assert {
    condition     = toset([for k, a in aws_ssoadmin_managed_policy_attachment.this : a.managed_policy_arn if startswith(k, "auditor/")]) == toset(["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/SecurityAudit"])
    error_message = "auditor must hold exactly ReadOnlyAccess and SecurityAudit."
  }

  assert {
    condition     = length([for k, a in aws_ssoadmin_managed_policy_attachment.this : k if startswith(k, "cde-operator/")]) == 0
    error_message = "cde-operator must hold no managed policy (least privilege through its inline policy only)."
  }

  assert {
    condition     = aws_ssoadmin_managed_policy_attachment.this["administrator/AdministratorAccess"].managed_policy_arn == "arn:aws:iam::aws:policy/AdministratorAccess" && aws_ssoadmin_managed_policy_attachment.this["break-glass/AdministratorAccess"].managed_policy_arn == "arn:aws:iam::aws:policy/AdministratorAccess"
    error_message = "administrator and break-glass hold AdministratorAccess."
  }
}

run "cde_operator_is_least_privilege" {
  command = plan

  assert {
    condition = alltrue([
      for s in jsondecode(aws_ssoadmin_permission_set_inline_policy.cde_operator.inline_policy).Statement :
      s.Effect == "Deny" || alltrue([for a in flatten([s.Action]) : a != "*" && !startswith(a, "iam:") && !startswith(a, "kms:Decrypt") && !endswith(a, ":*")])
    ])
    error_message = "cde-operator must not allow '*', service-wide wildcards, IAM actions or kms:Decrypt."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_ssoadmin_permission_set_inline_policy.cde_operator.inline_policy).Statement :
      s.Effect == "Deny" && contains(flatten([s.Action]), "iam:PassRole") && contains(flatten([s.Action]), "iam:Create*")
    ])
    error_message = "cde-operator must explicitly deny IAM writes."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_ssoadmin_permission_set_inline_policy.cde_operator.inline_policy).Statement :
      s.Effect == "Deny" && contains(flatten([s.Action]), "kms:Decrypt") && try(s.Resource, "") == "*"
    ])
    error_message = "cde-operator must be denied kms:Decrypt on every key."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_ssoadmin_permission_set_inline_policy.cde_operator.inline_policy).Statement :
      s.Effect == "Allow" && s.Action == "ssm:StartSession" && try(s.Condition.BoolIfExists["ssm:SessionDocumentAccessCheck"], "") == "true"
    ])
    error_message = "Session Manager shells must be limited to the allowed session document."
  }
}

run "session_key_is_the_only_usable_key" {
  command = plan

  variables {
    session_kms_key_arns = ["arn:aws:kms:eu-west-1:333333333333:key/1234abcd-12ab-34cd-56ef-1234567890ab"]
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_ssoadmin_permission_set_inline_policy.cde_operator.inline_policy).Statement :
      s.Effect == "Deny" && contains(flatten([s.Action]), "kms:Decrypt") && jsonencode(try(s.NotResource, [])) == jsonencode(var.session_kms_key_arns)
    ])
    error_message = "With a session key, key use is denied on every other key."
  }
}

run "auditor_cannot_read_cardholder_data" {
  command = plan

  assert {
    condition = anytrue([
      for s in jsondecode(aws_ssoadmin_permission_set_inline_policy.auditor.inline_policy).Statement :
      s.Effect == "Deny" && contains(s.Action, "dynamodb:Scan") && contains(s.Action, "secretsmanager:GetSecretValue") && contains(s.Action, "kms:Decrypt")
    ])
    error_message = "auditor must be denied data-plane reads."
  }
}

run "groups_are_assigned_only_to_listed_accounts" {
  command = plan

  assert {
    condition     = toset(keys(aws_ssoadmin_account_assignment.this)) == toset(["platform-admins/a1", "platform-admins/a2", "qsa/a2", "cde-ops/a3", "break-glass/a3"])
    error_message = "Assignments must be exactly group x listed accounts."
  }

  assert {
    condition     = alltrue([for a in aws_ssoadmin_account_assignment.this : a.principal_type == "GROUP" && a.target_type == "AWS_ACCOUNT"])
    error_message = "Access is granted to groups (never users) on accounts."
  }
}

run "unknown_permission_set_is_rejected" {
  command = plan

  variables {
    groups = {
      rogue = { display_name = "rogue", description = "x", permission_set = "poweruser", accounts = { a1 = "111111111111" } }
    }
  }

  expect_failures = [var.groups]
}

run "long_break_glass_session_is_rejected" {
  command = plan

  variables {
    break_glass_session_duration = "PT12H"
  }

  expect_failures = [var.break_glass_session_duration]
}
