variable "name_prefix" {
  description = "Prefix of every name this module creates (buckets, key alias). Lower case letters, digits and hyphens."
  type        = string

  validation {
    # Bucket names are at most 63 characters; the longest suffix added here is 34.
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,27}$", var.name_prefix))
    error_message = "name_prefix must be 1-28 characters of a-z, 0-9 and '-', starting with a letter or digit."
  }
}

variable "account_id" {
  description = "Id of the log-archive account this module deploys into: owns the buckets and administers the log key."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be a 12-digit AWS account id."
  }
}

variable "organization_id" {
  description = "AWS Organizations id (o-...). Only this organisation's accounts may deliver CloudTrail, Config and flow logs."
  type        = string

  validation {
    condition     = can(regex("^o-[a-z0-9]{10,32}$", var.organization_id))
    error_message = "organization_id must look like o-abcdef1234."
  }
}

variable "management_account_id" {
  description = "Id of the management account that owns the organisation trail."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.management_account_id))
    error_message = "management_account_id must be a 12-digit AWS account id."
  }
}

variable "log_retention_days" {
  description = "Days every audit log is kept (Object Lock default retention and lifecycle expiry). PCI DSS 10.5.1 needs at least 365."
  type        = number
  default     = 365

  validation {
    condition     = var.log_retention_days >= 365 && floor(var.log_retention_days) == var.log_retention_days
    error_message = "log_retention_days must be a whole number of at least 365 (PCI DSS 10.5.1)."
  }
}

variable "immediately_available_days" {
  description = "Days logs stay in S3 Standard before moving to the archive storage class. PCI DSS 10.5.1 needs at least 90; must be below log_retention_days."
  type        = number
  default     = 90

  validation {
    condition     = var.immediately_available_days >= 90 && floor(var.immediately_available_days) == var.immediately_available_days
    error_message = "immediately_available_days must be a whole number of at least 90 (PCI DSS 10.5.1)."
  }
}

variable "object_lock_mode" {
  description = "Object Lock default retention mode of the log bucket. COMPLIANCE: nobody, root included, can delete a log early. GOVERNANCE: principals with s3:BypassGovernanceRetention can."
  type        = string
  default     = "COMPLIANCE"

  validation {
    condition     = contains(["COMPLIANCE", "GOVERNANCE"], var.object_lock_mode)
    error_message = "object_lock_mode must be COMPLIANCE or GOVERNANCE."
  }
}

variable "backup_vault_lock_changeable_days" {
  description = "Grace days before the COMPLIANCE-mode lock of the backup vault becomes immutable (AWS minimum 3). Ignored with object_lock_mode GOVERNANCE, which locks the vault in governance mode."
  type        = number
  default     = 3

  validation {
    condition     = var.backup_vault_lock_changeable_days >= 3 && var.backup_vault_lock_changeable_days <= 36500 && floor(var.backup_vault_lock_changeable_days) == var.backup_vault_lock_changeable_days
    error_message = "backup_vault_lock_changeable_days must be a whole number of at least 3."
  }
}

variable "archive_storage_class" {
  description = "Storage class logs move to after immediately_available_days: GLACIER_IR (milliseconds to read) or GLACIER (hours to restore)."
  type        = string
  default     = "GLACIER_IR"

  validation {
    condition     = contains(["GLACIER_IR", "GLACIER"], var.archive_storage_class)
    error_message = "archive_storage_class must be GLACIER_IR or GLACIER."
  }
}

variable "config_s3_key_prefix" {
  description = "Key prefix AWS Config delivery channels use in the log bucket (account-baseline's config_s3_prefix); empty for none."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^([A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*)?$", var.config_s3_key_prefix))
    error_message = "config_s3_key_prefix must be empty or a key prefix without leading or trailing '/'."
  }
}

variable "flow_log_s3_key_prefix" {
  description = "Key prefix VPC flow logs use in the log bucket (the path in workload-vpc's flow_log_bucket_arn); empty for none."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^([A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*)?$", var.flow_log_s3_key_prefix))
    error_message = "flow_log_s3_key_prefix must be empty or a key prefix without leading or trailing '/'."
  }
}

variable "log_reader_principal_arns" {
  description = "IAM role ARNs outside the log-archive account (e.g. security-tooling auditors) that may read and decrypt logs. Principals of the log-archive account are governed by their IAM policies."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.log_reader_principal_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", a))])
    error_message = "log_reader_principal_arns must hold IAM role ARNs."
  }
}

variable "partition" {
  description = "AWS partition of every ARN built here (aws, aws-us-gov, aws-cn)."
  type        = string
  default     = "aws"

  validation {
    condition     = contains(["aws", "aws-us-gov", "aws-cn"], var.partition)
    error_message = "partition must be aws, aws-us-gov or aws-cn."
  }
}

variable "tags" {
  description = "Tags applied to every taggable resource of this module."
  type        = map(string)
  default     = {}
}
