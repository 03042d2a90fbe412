variable "region" {
  type        = string
  description = "Region of this instance (the provider passed in must point at it); used in the Security Hub standards ARNs."

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must look like eu-west-1."
  }
}

variable "is_home_region" {
  type        = bool
  description = "True in exactly one region: the Config organization aggregator (all regions), its IAM role and the organization Access Analyzer are created only there."
}

variable "organization_id" {
  type        = string
  description = "Organisation id (o-...); used in the aggregator role trust policy when account_id is not given."

  validation {
    condition     = can(regex("^o-[a-z0-9]{10,32}$", var.organization_id))
    error_message = "organization_id must look like o-abcdefghij."
  }
}

variable "config_aggregator_role_name" {
  type        = string
  description = "Name of the IAM role AWS Config assumes to read the organisation for the aggregator."
  default     = "pcizone-config-aggregator"

  validation {
    condition     = can(regex("^[\\w+=,.@-]{1,64}$", var.config_aggregator_role_name))
    error_message = "config_aggregator_role_name must be a valid IAM role name (1-64 characters)."
  }
}

variable "account_id" {
  type        = string
  description = "12-digit id of the security-tooling account; when set, the aggregator role trusts Config only for this account (aws:SourceAccount) instead of the organisation (aws:SourceOrgID)."
  default     = null

  validation {
    condition     = var.account_id == null || can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be a 12-digit AWS account id."
  }
}

variable "guardduty_features" {
  type        = list(string)
  description = "GuardDuty protection plans enabled on the detector and auto-enabled for every member; the ones not listed are disabled explicitly."
  default = [
    "S3_DATA_EVENTS",
    "EKS_AUDIT_LOGS",
    "EBS_MALWARE_PROTECTION",
    "RDS_LOGIN_EVENTS",
    "LAMBDA_NETWORK_LOGS",
    "RUNTIME_MONITORING",
  ]

  validation {
    condition = alltrue([for f in var.guardduty_features : contains([
      "S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS", "RUNTIME_MONITORING",
    ], f)])
    error_message = "guardduty_features accepts S3_DATA_EVENTS, EKS_AUDIT_LOGS, EBS_MALWARE_PROTECTION, RDS_LOGIN_EVENTS, LAMBDA_NETWORK_LOGS, RUNTIME_MONITORING."
  }

  validation {
    condition     = contains(var.guardduty_features, "S3_DATA_EVENTS") && contains(var.guardduty_features, "EBS_MALWARE_PROTECTION")
    error_message = "S3 protection and EBS malware protection are part of the PCI baseline (5.2.2, 11.5.1) and cannot be removed."
  }
}

variable "finding_publishing_frequency" {
  type        = string
  description = "How often GuardDuty publishes updated findings to EventBridge / Security Hub."
  default     = "FIFTEEN_MINUTES"

  validation {
    condition     = contains(["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"], var.finding_publishing_frequency)
    error_message = "finding_publishing_frequency must be FIFTEEN_MINUTES, ONE_HOUR or SIX_HOURS."
  }
}

variable "enable_foundational_best_practices" {
  type        = bool
  description = "Also subscribe the AWS Foundational Security Best Practices standard (hardening checks beyond the PCI standard)."
  default     = true
}

variable "partition" {
  type        = string
  description = "AWS partition of the ARNs this module builds."
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
