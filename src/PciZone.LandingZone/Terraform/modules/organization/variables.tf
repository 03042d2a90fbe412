variable "organization_name" {
  type        = string
  description = "Human name of the organisation; AWS Organizations has no name attribute, so it is applied as the pcizone:organization tag on every OU and account."

  validation {
    condition     = length(trimspace(var.organization_name)) > 0 && length(var.organization_name) <= 256
    error_message = "organization_name must be a non-empty string of at most 256 characters."
  }
}

variable "service_access_principals" {
  type        = list(string)
  description = "AWS service principals given trusted access to the organisation (cloudtrail.amazonaws.com, config.amazonaws.com, guardduty.amazonaws.com, securityhub.amazonaws.com, sso.amazonaws.com, ...)."

  validation {
    condition     = alltrue([for p in var.service_access_principals : can(regex("^[a-z0-9.-]+\\.amazonaws\\.com$", p))])
    error_message = "Every service access principal must look like <service>.amazonaws.com."
  }

  validation {
    condition     = length(distinct(var.service_access_principals)) == length(var.service_access_principals)
    error_message = "service_access_principals must not contain duplicates."
  }
}

variable "top_level_ous" {
  type        = map(string)
  description = "Top-level organisational units under the root: key -> display name (e.g. security = \"Security\", workloads = \"Workloads\", suspended = \"Suspended\")."

  validation {
    condition     = length(var.top_level_ous) > 0
    error_message = "At least one top-level OU is required."
  }

  validation {
    condition     = alltrue([for k, v in var.top_level_ous : can(regex("^[a-z0-9_-]+$", k)) && length(v) >= 1 && length(v) <= 128])
    error_message = "OU keys are lower-case [a-z0-9_-]; display names are 1-128 characters."
  }
}

variable "child_ous" {
  type = map(object({
    name   = string
    parent = string
  }))
  description = "Second-level OUs: key -> { name, parent } where parent is a key of top_level_ous (e.g. cde = { name = \"CDE\", parent = \"workloads\" })."
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.child_ous : can(regex("^[a-z0-9_-]+$", k)) && length(v.name) >= 1 && length(v.name) <= 128])
    error_message = "Child OU keys are lower-case [a-z0-9_-]; names are 1-128 characters."
  }
}

variable "accounts" {
  type = map(object({
    name  = string
    email = string
    ou    = string
    tags  = map(string)
  }))
  description = "Member accounts: key -> { name, email, ou, tags } where ou is a key of top_level_ous or child_ous."

  validation {
    condition     = alltrue([for a in values(var.accounts) : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", a.email))])
    error_message = "Every account email must be a valid e-mail address."
  }

  validation {
    condition     = length(distinct([for a in values(var.accounts) : lower(a.email)])) == length(var.accounts)
    error_message = "Account e-mail addresses must be unique (AWS rejects a reused root e-mail)."
  }

  validation {
    condition     = alltrue([for a in values(var.accounts) : length(a.name) >= 1 && length(a.name) <= 50])
    error_message = "Account names must be 1-50 characters."
  }
}

variable "delegated_admin_account_key" {
  type        = string
  description = "Key in accounts of the security-tooling account that becomes delegated administrator for the security services."
}

variable "delegated_admin_services" {
  type        = list(string)
  description = "Service principals delegated to the security-tooling account (guardduty.amazonaws.com, securityhub.amazonaws.com, config.amazonaws.com, access-analyzer.amazonaws.com, ...). GuardDuty and Security Hub are delegated through their own APIs, the rest through Organizations."

  validation {
    condition     = alltrue([for p in var.delegated_admin_services : can(regex("^[a-z0-9.-]+\\.amazonaws\\.com$", p))])
    error_message = "Every delegated admin service must look like <service>.amazonaws.com."
  }
}

variable "additional_policy_types" {
  type        = list(string)
  description = "Policy types enabled in addition to SERVICE_CONTROL_POLICY (e.g. RESOURCE_CONTROL_POLICY, TAG_POLICY)."
  default     = []

  validation {
    condition = alltrue([for t in var.additional_policy_types : contains([
      "AISERVICES_OPT_OUT_POLICY", "BACKUP_POLICY", "CHATBOT_POLICY", "DECLARATIVE_POLICY_EC2",
      "RESOURCE_CONTROL_POLICY", "TAG_POLICY",
    ], t)])
    error_message = "additional_policy_types accepts AISERVICES_OPT_OUT_POLICY, BACKUP_POLICY, CHATBOT_POLICY, DECLARATIVE_POLICY_EC2, RESOURCE_CONTROL_POLICY, TAG_POLICY."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource of this module."
  default     = {}
}

variable "enable_centralized_root_access" {
  type        = bool
  description = "Enable IAM centralised root access (RootCredentialsManagement and RootSessions) so member accounts carry no root credentials; adds iam.amazonaws.com to the trusted services."
  default     = true
}
