variable "trail_name" {
  description = "Name of the organisation trail; also names its log group, role, key alias and alarm topic."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$", var.trail_name))
    error_message = "trail_name must be 3-64 characters of letters, digits, '.', '_' and '-', starting with a letter or digit."
  }
}

variable "log_bucket_name" {
  description = "Name of the central log bucket (log-archive module output log_bucket_name)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.log_bucket_name))
    error_message = "log_bucket_name must be a valid S3 bucket name."
  }
}

variable "log_kms_key_arn" {
  description = "ARN of the log-archive KMS key that encrypts the trail's log files (log-archive module output log_kms_key_arn)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be a KMS key ARN (not an alias)."
  }
}

variable "organization_id" {
  description = "AWS Organizations id (o-...)."
  type        = string

  validation {
    condition     = can(regex("^o-[a-z0-9]{10,32}$", var.organization_id))
    error_message = "organization_id must look like o-abcdef1234."
  }
}

variable "management_account_id" {
  description = "Id of the management account this module deploys into."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.management_account_id))
    error_message = "management_account_id must be a 12-digit AWS account id."
  }
}

variable "region" {
  description = "Home region: where the trail, log group, alarms and topic live."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "log_retention_days" {
  description = "Retention of the CloudWatch Logs copy of the trail: a CloudWatch retention value of at least 365 (PCI DSS 10.5.1), or 0 to never expire."
  type        = number
  default     = 365

  validation {
    condition     = contains([0, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be 0 (never expire) or one of 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "alarm_email" {
  description = "Optional e-mail address subscribed to the security alarm topic (the subscription must be confirmed from the mailbox). Null for none."
  type        = string
  default     = null

  validation {
    condition     = var.alarm_email == null || can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alarm_email))
    error_message = "alarm_email must be null or an e-mail address."
  }
}

variable "metric_namespace" {
  description = "CloudWatch metric namespace of the security metric filters."
  type        = string
  default     = "PciZone/CloudTrail"

  validation {
    condition     = length(var.metric_namespace) > 0 && !startswith(var.metric_namespace, "AWS/")
    error_message = "metric_namespace must be non-empty and must not start with AWS/."
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
