variable "name_prefix" {
  description = "Prefix of the key aliases (alias/<name_prefix>/<purpose>)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", var.name_prefix))
    error_message = "name_prefix must be 1-64 characters of letters, digits, '_' and '-'."
  }
}

variable "account_id" {
  description = "Id of the workload account that owns the keys; service principals may use a key only on behalf of this account."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be a 12-digit AWS account id."
  }
}

variable "purposes" {
  description = "One key per purpose: key -> description, IAM role ARNs that use the key, AWS service principals (e.g. logs.eu-west-1.amazonaws.com) that use it for this account, and (optional) services such as backup.eu-west-1.amazonaws.com through which this account's principals may use it (kms:ViaService), as their IAM policies allow."
  type = map(object({
    description        = string
    user_role_arns     = list(string)
    service_principals = list(string)
    via_services       = optional(list(string), [])
  }))
  default = {
    cde-data = {
      description        = "Encrypts cardholder data stores in the CDE"
      user_role_arns     = []
      service_principals = []
    }
    backups = {
      description        = "Encrypts backups of CDE data stores"
      user_role_arns     = []
      service_principals = []
    }
  }

  validation {
    condition     = length(var.purposes) > 0 && alltrue([for k, _ in var.purposes : can(regex("^[a-z0-9][a-z0-9-]{0,31}$", k))])
    error_message = "purposes must not be empty; keys are 1-32 characters of a-z, 0-9 and '-'."
  }

  validation {
    condition     = alltrue(flatten([for p in values(var.purposes) : [for a in p.user_role_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", a))]]))
    error_message = "user_role_arns must hold IAM role ARNs (never *)."
  }

  validation {
    condition     = alltrue(flatten([for p in values(var.purposes) : [for s in p.service_principals : can(regex("^[a-z0-9.-]+\\.amazonaws\\.com(\\.cn)?$", s))]]))
    error_message = "service_principals must be AWS service principals such as backup.amazonaws.com."
  }

  validation {
    condition     = alltrue(flatten([for p in values(var.purposes) : [for s in p.via_services : can(regex("^[a-z0-9-]+\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?$", s))]]))
    error_message = "via_services must be regional service endpoints such as backup.eu-west-1.amazonaws.com."
  }
}

variable "admin_role_arns" {
  description = "IAM role ARNs of the key custodians: they manage every key but cannot encrypt or decrypt. Include the role that applies this stage, or key creation fails the KMS lockout check."
  type        = list(string)

  validation {
    condition     = length(var.admin_role_arns) > 0 && alltrue([for a in var.admin_role_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", a))])
    error_message = "admin_role_arns must hold at least one IAM role ARN (never *)."
  }
}

variable "deletion_window_in_days" {
  description = "Waiting period before a scheduled key deletion takes effect (7-30 days)."
  type        = number
  default     = 30

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30
    error_message = "deletion_window_in_days must be between 7 and 30."
  }
}

variable "rotation_period_in_days" {
  description = "Automatic rotation period: the cryptoperiod of the keys, 90 to 365 days (PCI DSS 3.6.1, 3.7.4)."
  type        = number
  default     = 365

  validation {
    condition     = var.rotation_period_in_days >= 90 && var.rotation_period_in_days <= 365
    error_message = "rotation_period_in_days must be between 90 and 365."
  }
}

variable "tags" {
  description = "Tags applied to every key."
  type        = map(string)
  default     = {}
}

variable "partition" {
  description = "AWS partition of the account principal in via_services statements (aws, aws-us-gov, aws-cn)."
  type        = string
  default     = "aws"

  validation {
    condition     = contains(["aws", "aws-us-gov", "aws-cn"], var.partition)
    error_message = "partition must be aws, aws-us-gov or aws-cn."
  }
}
