variable "instance_arn" {
  type        = string
  description = "ARN of the IAM Identity Center instance (arn:aws:sso:::instance/ssoins-...); passed in because aws_ssoadmin_instances cannot run offline."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$", var.instance_arn))
    error_message = "instance_arn must look like arn:aws:sso:::instance/ssoins-0123456789abcdef."
  }
}

variable "identity_store_id" {
  type        = string
  description = "Identity store id of the Identity Center instance (d-...)."

  validation {
    condition     = can(regex("^d-[0-9a-f]{10}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", var.identity_store_id))
    error_message = "identity_store_id must look like d-0123456789."
  }
}

variable "groups" {
  type = map(object({
    display_name   = string
    description    = string
    permission_set = string
    accounts       = map(string)
  }))
  description = "Identity Center groups: key -> { display_name, description, permission_set (administrator, auditor, cde-operator or break-glass), accounts it is assigned to: account key -> account id }."

  validation {
    condition     = alltrue([for g in values(var.groups) : contains(["administrator", "auditor", "cde-operator", "break-glass"], g.permission_set)])
    error_message = "permission_set must be one of administrator, auditor, cde-operator, break-glass."
  }

  validation {
    condition     = alltrue(flatten([for g in values(var.groups) : [for a in values(g.accounts) : a == null || can(regex("^[0-9]{12}$", a))]]))
    error_message = "accounts must map account keys to 12-digit AWS account ids."
  }

  validation {
    condition     = alltrue([for g in values(var.groups) : length(g.display_name) >= 1 && length(g.display_name) <= 1024])
    error_message = "display_name must be 1-1024 characters."
  }
}

variable "session_duration" {
  type        = string
  description = "ISO 8601 session length of the administrator, auditor and cde-operator permission sets."
  default     = "PT1H"

  validation {
    condition     = contains(["PT1H", "PT2H", "PT4H", "PT8H"], var.session_duration)
    error_message = "session_duration must be PT1H, PT2H, PT4H or PT8H."
  }
}

variable "break_glass_session_duration" {
  type        = string
  description = "ISO 8601 session length of the break-glass permission set; kept at one hour."
  default     = "PT1H"

  validation {
    condition     = var.break_glass_session_duration == "PT1H"
    error_message = "Break-glass sessions are capped at PT1H."
  }
}

variable "permission_set_name_prefix" {
  type        = string
  description = "Prefix of the permission set names (Identity Center names must be unique per instance)."
  default     = "Pci"

  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@-]{0,16}$", var.permission_set_name_prefix))
    error_message = "permission_set_name_prefix is at most 16 characters of [A-Za-z0-9+=,.@-]."
  }
}

variable "session_kms_key_arns" {
  type        = list(string)
  description = "KMS keys that encrypt Session Manager sessions; cde-operator may generate data keys with these only. Every other key is denied for encrypt/decrypt."
  default     = []

  validation {
    condition     = alltrue([for k in var.session_kms_key_arns : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", k))])
    error_message = "session_kms_key_arns must be KMS key ARNs (not aliases)."
  }
}

variable "partition" {
  type        = string
  description = "AWS partition of the managed policy ARNs."
  default     = "aws"

  validation {
    condition     = contains(["aws", "aws-us-gov", "aws-cn"], var.partition)
    error_message = "partition must be aws, aws-us-gov or aws-cn."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to the permission sets (identity store groups are not taggable)."
  default     = {}
}
