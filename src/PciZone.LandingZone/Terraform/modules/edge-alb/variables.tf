variable "name" {
  description = "Name of the load balancer; prefixes the target group, web ACL, log group and log bucket (at most 28 characters)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]{0,26}[a-z0-9])?$", var.name))
    error_message = "name must be 1-28 lowercase letters, digits or hyphens, not starting or ending with a hyphen."
  }
}

variable "vpc_id" {
  description = "VPC of the load balancer and its targets (workload-vpc output vpc_id)."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))
    error_message = "vpc_id must be a VPC ID (vpc-...)."
  }
}

variable "subnet_ids" {
  description = "Edge tier subnets, one per AZ (workload-vpc output subnet_ids[\"edge\"])."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2 && alltrue([for s in var.subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", s))])
    error_message = "subnet_ids must list at least two subnet IDs (subnet-...)."
  }
}

variable "security_group_id" {
  description = "Security group of the load balancer (workload-vpc output security_group_ids[\"alb\"])."
  type        = string

  validation {
    condition     = can(regex("^sg-[0-9a-f]{8,17}$", var.security_group_id))
    error_message = "security_group_id must be a security group ID (sg-...)."
  }
}

variable "domain_name" {
  description = "Domain name of the public ACM certificate (DNS validation)."
  type        = string

  validation {
    condition     = can(regex("^(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.domain_name))
    error_message = "domain_name must be a lowercase DNS name, optionally starting with *."
  }
}

variable "subject_alternative_names" {
  description = "Additional names on the certificate."
  type        = list(string)
  default     = []
}

variable "route53_zone_id" {
  description = "Optional Route 53 hosted zone that holds domain_name. When set, the module writes the DNS validation records; otherwise create them by hand while the apply waits for the certificate."
  type        = string
  default     = null
}

variable "target_port" {
  description = "Port the targets listen on with HTTPS (workload-vpc app_port)."
  type        = number

  validation {
    condition     = var.target_port >= 1 && var.target_port <= 65535 && floor(var.target_port) == var.target_port
    error_message = "target_port must be a TCP port."
  }
}

variable "target_type" {
  description = "Target type of the target group: ip or instance."
  type        = string
  default     = "ip"

  validation {
    condition     = contains(["ip", "instance"], var.target_type)
    error_message = "target_type must be ip or instance."
  }
}

variable "health_check_path" {
  description = "HTTPS path the target group probes."
  type        = string
  default     = "/health"

  validation {
    condition     = startswith(var.health_check_path, "/")
    error_message = "health_check_path must start with /."
  }
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener. Only TLS 1.2+ policies are accepted (PCI DSS 4.2.1)."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  validation {
    condition     = can(regex("^ELBSecurityPolicy-(TLS13-1-2|TLS13-1-3|TLS-1-2|FS-1-2)", var.ssl_policy))
    error_message = "ssl_policy must be a TLS 1.2+ policy (ELBSecurityPolicy-TLS13-1-2-*, TLS13-1-3-*, TLS-1-2-*, FS-1-2-*)."
  }
}

variable "log_retention_days" {
  description = "Days to keep WAF logs (CloudWatch) and ALB access logs (S3). At least 365 (PCI DSS 10.5.1); 0 keeps them forever."
  type        = number
  default     = 365

  validation {
    condition     = contains([0, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be 0 or a CloudWatch Logs retention of at least 365 days (365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "immediately_available_days" {
  description = "Days ALB access logs stay in S3 Standard before moving to Glacier Instant Retrieval (PCI DSS 10.5.1: three months immediately available)."
  type        = number
  default     = 90

  validation {
    condition     = var.immediately_available_days >= 90
    error_message = "immediately_available_days must be at least 90."
  }
}

variable "waf_log_kms_key_arn" {
  description = "KMS key that encrypts the WAF log group. Its policy must let logs.<region>.amazonaws.com use it."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.waf_log_kms_key_arn))
    error_message = "waf_log_kms_key_arn must be a KMS key ARN."
  }
}

variable "rate_limit" {
  description = "Requests per source IP per 5 minutes before the web ACL blocks it. Null disables the rate-based rule."
  type        = number
  default     = 2000

  validation {
    condition     = var.rate_limit == null || try(var.rate_limit >= 100 && var.rate_limit <= 2000000000, false)
    error_message = "rate_limit must be between 100 and 2000000000, or null."
  }
}

variable "account_id" {
  description = "Account that owns the load balancer. Narrows the log-delivery grant to AWSLogs/<account_id>/ and names the log bucket. Strongly recommended."
  type        = string
  default     = null

  validation {
    condition     = var.account_id == null || can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be a 12-digit account ID or null."
  }
}

variable "elb_service_account_id" {
  description = "Regional Elastic Load Balancing account for regions launched before August 2022 (eu-west-1: 156460612806). Null grants delivery to the logdelivery.elasticloadbalancing.amazonaws.com service principal only."
  type        = string
  default     = null

  validation {
    condition     = var.elb_service_account_id == null || can(regex("^[0-9]{12}$", var.elb_service_account_id))
    error_message = "elb_service_account_id must be a 12-digit account ID or null."
  }
}

variable "log_bucket_name" {
  description = "Name of the ALB access-log bucket. Default: <name>-alb-logs-<account_id> (or <name>-alb-logs)."
  type        = string
  default     = null

  validation {
    condition     = var.log_bucket_name == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.log_bucket_name))
    error_message = "log_bucket_name must be a valid S3 bucket name."
  }
}

variable "access_log_bucket_name" {
  description = "Bucket in the same account and region that receives S3 server access logs of the ALB log bucket (S3 cannot log to another account). Null creates one in this module (s3_access_logs.tf)."
  type        = string
  default     = null
}

variable "access_log_kms_key_arn" {
  description = "KMS key of the access-log bucket this module creates when access_log_bucket_name is null; its policy must let logging.s3.amazonaws.com use it."
  type        = string
  default     = null
}

variable "partition" {
  description = "AWS partition used in ARNs (aws, aws-cn, aws-us-gov)."
  type        = string
  default     = "aws"

  validation {
    condition     = contains(["aws", "aws-cn", "aws-us-gov"], var.partition)
    error_message = "partition must be aws, aws-cn or aws-us-gov."
  }
}

variable "tags" {
  description = "Tags applied to every taggable resource of the module."
  type        = map(string)
  default     = {}
}

variable "backup_logs" {
  description = "Keep a daily copy of the log buckets in an AWS Backup vault (PCI 10.3.3); needs backup_kms_key_arn. False: no backup (PciZone then reports PCZ-S3-015 on both buckets)."
  type        = bool
  default     = false
}

variable "backup_kms_key_arn" {
  description = "Customer managed KMS key of the AWS Backup vault (backup_logs). Its policy must let this account's principals use it through backup.<region>.amazonaws.com."
  type        = string
  default     = null

  validation {
    condition     = var.backup_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.backup_kms_key_arn))
    error_message = "backup_kms_key_arn must be a KMS key ARN or null."
  }
}

variable "backup_vault_lock_changeable_days" {
  description = "Grace days before the COMPLIANCE-mode lock of the backup vault becomes immutable (AWS minimum 3)."
  type        = number
  default     = 3

  validation {
    condition     = var.backup_vault_lock_changeable_days >= 3 && floor(var.backup_vault_lock_changeable_days) == var.backup_vault_lock_changeable_days
    error_message = "backup_vault_lock_changeable_days must be a whole number of at least 3."
  }
}
