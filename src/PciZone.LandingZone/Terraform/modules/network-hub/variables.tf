variable "name_prefix" {
  description = "Prefix for the names of the transit gateway, its route tables and the RAM share (for example \"acme-network\")."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}$", var.name_prefix))
    error_message = "name_prefix must be 1-63 letters, digits or hyphens and start with a letter or digit."
  }
}

variable "amazon_side_asn" {
  description = "Private ASN for the Amazon side of the transit gateway BGP sessions (64512-65534 or 4200000000-4294967294)."
  type        = number
  default     = 64512

  validation {
    condition     = (var.amazon_side_asn >= 64512 && var.amazon_side_asn <= 65534) || (var.amazon_side_asn >= 4200000000 && var.amazon_side_asn <= 4294967294)
    error_message = "amazon_side_asn must be a private ASN: 64512-65534 or 4200000000-4294967294."
  }
}

variable "organization_arn" {
  description = "ARN of the AWS Organization the transit gateway is shared with (arn:aws:organizations::<management-account>:organization/o-xxxx)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:organizations::[0-9]{12}:organization/o-[a-z0-9]{10,32}$", var.organization_arn))
    error_message = "organization_arn must be an AWS Organizations organization ARN."
  }
}

variable "flow_log_bucket_arn" {
  description = "Optional ARN of the central log-archive bucket (or a prefix inside it) that receives transit gateway flow logs. Null disables the transit gateway flow log."
  type        = string
  default     = null

  validation {
    condition     = var.flow_log_bucket_arn == null || can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9.-]{3,63}(/.*)?$", var.flow_log_bucket_arn))
    error_message = "flow_log_bucket_arn must be an S3 bucket ARN (optionally with a key prefix) or null."
  }
}

variable "tags" {
  description = "Tags applied to every taggable resource of the module."
  type        = map(string)
  default     = {}
}
