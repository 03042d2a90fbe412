mock_provider "aws" {}

variables {
  name_prefix     = "acme-cde"
  account_id      = "444444444444"
  admin_role_arns = ["arn:aws:iam::444444444444:role/key-custodian"]
  tags            = { Owner = "payments" }
}

run "one_rotating_key_and_alias_per_purpose" {
  command = plan

  variables {
    purposes = {
      cde-data = {
        description        = "Encrypts cardholder data stores in the CDE"
        user_role_arns     = ["arn:aws:iam::444444444444:role/payments-app"]
        service_principals = ["logs.eu-west-1.amazonaws.com"]
      }
      backups = {
        description        = "Encrypts backups"
        user_role_arns     = []
        service_principals = []
      }
    }
  }

  assert {
    condition     = toset(keys(aws_kms_key.this)) == toset(["cde-data", "backups"]) && aws_kms_alias.this["cde-data"].name == "alias/acme-cde/cde-data"
    error_message = "Each purpose must get a key and an alias."
  }

  assert {
    condition     = alltrue([for k in aws_kms_key.this : k.enable_key_rotation && k.rotation_period_in_days <= 365 && k.is_enabled])
    error_message = "Every key must be enabled and rotate at least yearly (PCI 3.7.4)."
  }

  assert {
    condition     = alltrue([for k in aws_kms_key.this : k.customer_master_key_spec == "SYMMETRIC_DEFAULT" && k.deletion_window_in_days == 30 && k.tags["Owner"] == "payments"])
    error_message = "Keys must be symmetric, wait 30 days before deletion and carry the tags."
  }
}

run "policies_separate_custodians_from_users" {
  command = plan

  variables {
    purposes = {
      cde-data = {
        description        = "Encrypts cardholder data stores in the CDE"
        user_role_arns     = ["arn:aws:iam::444444444444:role/payments-app"]
        service_principals = ["logs.eu-west-1.amazonaws.com"]
      }
      backups = {
        description        = "Encrypts backups"
        user_role_arns     = []
        service_principals = []
      }
    }
  }

  assert {
    condition = alltrue([for k in aws_kms_key.this : alltrue([for s in jsondecode(k.policy).Statement :
    !contains(flatten([s.Action]), "kms:Decrypt") && !contains(flatten([s.Action]), "kms:Encrypt") && !contains(flatten([s.Action]), "kms:CreateGrant") && !contains(flatten([s.Action]), "kms:*") if s.Sid == "KeyAdministrators"])])
    error_message = "Administrators must not use the key or grant its use."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_kms_key.this["cde-data"].policy).Statement :
    !contains(flatten([s.Action]), "kms:PutKeyPolicy") && !contains(flatten([s.Action]), "kms:ScheduleKeyDeletion") && !contains(flatten([s.Action]), "kms:DisableKey") if s.Sid != "KeyAdministrators"])
    error_message = "Users and services must not manage the key."
  }

  assert {
    condition     = one([for s in jsondecode(aws_kms_key.this["cde-data"].policy).Statement : s.Principal.AWS if s.Sid == "KeyUsers"]) == ["arn:aws:iam::444444444444:role/payments-app"]
    error_message = "The purpose's user roles must be the key users."
  }

  assert {
    condition     = one([for s in jsondecode(aws_kms_key.this["cde-data"].policy).Statement : s.Condition.Bool["kms:GrantIsForAWSResource"] if s.Sid == "KeyUsersGrantsForAwsResources"]) == "true"
    error_message = "Users may create grants only for AWS resources."
  }

  assert {
    condition     = one([for s in jsondecode(aws_kms_key.this["cde-data"].policy).Statement : s.Condition.StringEquals["aws:SourceAccount"] if s.Sid == "ServiceUseForThisAccount"]) == "444444444444"
    error_message = "Services may use the key only for this account."
  }

  assert {
    condition     = [for s in jsondecode(aws_kms_key.this["backups"].policy).Statement : s.Sid] == ["KeyAdministrators"]
    error_message = "A purpose without users or services must grant administration only."
  }

  assert {
    condition = alltrue([for k in aws_kms_key.this : alltrue([for s in jsondecode(k.policy).Statement :
    s.Principal != "*" && !contains(flatten([try(s.Principal.AWS, [])]), "*") && !contains(flatten([try(s.Principal.AWS, [])]), "arn:aws:iam::444444444444:root")])])
    error_message = "No statement may name * or the account root (no delegation to every IAM policy)."
  }
}

run "default_purposes_are_cde_data_and_backups" {
  command = plan

  assert {
    condition     = toset(keys(aws_kms_key.this)) == toset(["cde-data", "backups"])
    error_message = "Without purposes the module must create the cde-data and backups keys."
  }

  assert {
    condition     = alltrue([for k in aws_kms_key.this : [for s in jsondecode(k.policy).Statement : s.Sid] == ["KeyAdministrators"]])
    error_message = "Default purposes have no users or services yet: administration only."
  }
}

run "rejects_wildcard_user" {
  command = plan

  variables {
    purposes = {
      cde-data = {
        description        = "x"
        user_role_arns     = ["*"]
        service_principals = []
      }
    }
  }

  expect_failures = [var.purposes]
}

run "via_services_let_the_account_use_a_key_only_through_them" {
  command = plan

  variables {
    purposes = {
      backups = {
        description        = "Encrypts backups"
        user_role_arns     = []
        service_principals = []
        via_services       = ["backup.eu-west-1.amazonaws.com"]
      }
      cde-data = {
        description        = "Encrypts cardholder data stores in the CDE"
        user_role_arns     = []
        service_principals = []
      }
    }
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_kms_key.this["backups"].policy).Statement :
      s.Principal.AWS == "arn:aws:iam::444444444444:root" && s.Condition.StringEquals["kms:ViaService"] == ["backup.eu-west-1.amazonaws.com"] &&
    s.Condition.StringEquals["kms:CallerAccount"] == "444444444444" if startswith(s.Sid, "Account")])
    error_message = "The account may use the key only through the listed services."
  }

  assert {
    condition     = length([for s in jsondecode(aws_kms_key.this["backups"].policy).Statement : s if startswith(s.Sid, "Account")]) == 2
    error_message = "A purpose with via_services gets a use and a grant statement."
  }

  assert {
    condition     = length([for s in jsondecode(aws_kms_key.this["cde-data"].policy).Statement : s if startswith(s.Sid, "Account")]) == 0
    error_message = "A purpose without via_services gives the account no use of the key."
  }
}

run "rejects_via_service_that_is_not_a_regional_endpoint" {
  command = plan

  variables {
    purposes = {
      backups = {
        description        = "x"
        user_role_arns     = []
        service_principals = []
        via_services       = ["*"]
      }
    }
  }

  expect_failures = [var.purposes]
}

run "rejects_rotation_longer_than_a_year" {
  command = plan

  variables {
    rotation_period_in_days = 730
  }

  expect_failures = [var.rotation_period_in_days]
}

run "rejects_missing_custodians" {
  command = plan

  variables {
    admin_role_arns = []
  }

  expect_failures = [var.admin_role_arns]
}
