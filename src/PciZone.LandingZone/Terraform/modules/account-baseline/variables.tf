variable "account_id" {
  type        = string
  description = "12-digit id of the account this baseline is applied to (builds the Config service-linked role ARN and scopes the S3 account public access block)."

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be a 12-digit AWS account id."
  }
}

variable "region" {
  type        = string
  description = "Region of this instance (the provider passed in must point at it)."

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must look like eu-west-1."
  }
}

variable "is_home_region" {
  type        = bool
  description = "True in exactly one region per account: global resources (password policy, S3 account public access block, Config service-linked role, Config service-linked role) are created only there."
}

variable "config_bucket_name" {
  type        = string
  description = "Log-archive bucket that receives AWS Config history and snapshots."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.config_bucket_name))
    error_message = "config_bucket_name must be a valid S3 bucket name."
  }
}

variable "config_kms_key_arn" {
  type        = string
  description = "KMS key (log-archive key) that encrypts Config deliveries."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.config_kms_key_arn))
    error_message = "config_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)."
  }
}

variable "config_s3_prefix" {
  type        = string
  description = "Key prefix in the log bucket; Config appends AWSLogs/<account>/Config/<region>/."
  default     = "config"

  validation {
    condition     = !can(regex("AWSLogs", var.config_s3_prefix)) && !startswith(var.config_s3_prefix, "/") && !endswith(var.config_s3_prefix, "/")
    error_message = "config_s3_prefix must not contain AWSLogs (Config adds it) nor start or end with '/'."
  }
}

variable "config_recorder_name" {
  type        = string
  description = "Name of the Config recorder and delivery channel (one of each per account and region)."
  default     = "pcizone"
}

variable "config_snapshot_frequency" {
  type        = string
  description = "How often Config delivers a configuration snapshot to the bucket."
  default     = "TwentyFour_Hours"

  validation {
    condition     = contains(["One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours", "TwentyFour_Hours"], var.config_snapshot_frequency)
    error_message = "config_snapshot_frequency must be One_Hour, Three_Hours, Six_Hours, Twelve_Hours or TwentyFour_Hours."
  }
}

variable "create_config_service_linked_role" {
  type        = bool
  description = "Create AWSServiceRoleForConfig in the home region; set false when the account already has it (it can exist only once)."
  default     = true
}

variable "minimum_password_length" {
  type        = number
  description = "IAM password minimum length (PCI 8.3.6 needs at least 12)."
  default     = 14

  validation {
    condition     = var.minimum_password_length >= 12 && var.minimum_password_length <= 128
    error_message = "minimum_password_length must be 12-128."
  }
}

variable "max_password_age" {
  type        = number
  description = "Days before an IAM password must be changed (PCI 8.3.9: at most 90)."
  default     = 90

  validation {
    condition     = var.max_password_age >= 1 && var.max_password_age <= 90
    error_message = "max_password_age must be 1-90 days."
  }
}

variable "password_reuse_prevention" {
  type        = number
  description = "Number of previous IAM passwords that cannot be reused (PCI 8.3.7: at least 4)."
  default     = 24

  validation {
    condition     = var.password_reuse_prevention >= 4 && var.password_reuse_prevention <= 24
    error_message = "password_reuse_prevention must be 4-24."
  }
}

variable "access_analyzer_name" {
  type        = string
  description = "Name of the account-level IAM Access Analyzer in this region."
  default     = "pcizone-account"
}

variable "partition" {
  type        = string
  description = "AWS partition (builds the Config service-linked role ARN)."
  default     = "aws"

  validation {
    condition     = contains(["aws", "aws-us-gov", "aws-cn"], var.partition)
    error_message = "partition must be aws, aws-us-gov or aws-cn."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource of this module."
  default     = {}
}

variable "support_role_name" {
  type        = string
  description = "Name of the AWS Support role created in the home region (PCI 12.10.1)."
  default     = "pcizone-aws-support"

  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@_-]{1,64}$", var.support_role_name))
    error_message = "support_role_name must be a valid IAM role name (1-64 characters)."
  }
}

variable "support_role_permission_sets" {
  type        = list(string)
  description = "Identity Center permission set names whose roles in this account may assume the AWS Support role (identity-center's administrator and cde-operator by default). Empty: no support role."
  default     = ["PciAdministrator", "PciCdeOperator"]

  validation {
    condition     = alltrue([for p in var.support_role_permission_sets : can(regex("^[A-Za-z0-9+=,.@-]{1,32}$", p))])
    error_message = "support_role_permission_sets must hold permission set names (1-32 characters of A-Za-z0-9+=,.@-)."
  }
}
