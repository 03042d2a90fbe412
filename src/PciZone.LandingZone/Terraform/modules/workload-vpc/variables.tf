variable "name" {
  description = "Name of the VPC; prefixes every resource name (for example \"cde-prod\")."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9-]{0,40}$", var.name))
    error_message = "name must be 1-41 letters, digits or hyphens and start with a letter or digit."
  }
}

variable "cidr" {
  description = "IPv4 CIDR of the VPC (/16 to /24). It is cut into four equal tier blocks: edge, app, data, spare."
  type        = string

  validation {
    condition     = can(cidrhost(var.cidr, 0)) && try(tonumber(split("/", var.cidr)[1]) >= 16 && tonumber(split("/", var.cidr)[1]) <= 24, false)
    error_message = "cidr must be an IPv4 CIDR between /16 and /24."
  }
}

variable "azs" {
  description = "Availability zones to spread every tier over (for example [\"eu-west-1a\", \"eu-west-1b\"])."
  type        = list(string)

  validation {
    condition     = length(var.azs) >= 2 && length(var.azs) == length(distinct(var.azs))
    error_message = "azs must list at least two distinct availability zones."
  }
}

variable "is_cde" {
  description = "True when the VPC is part of the cardholder data environment; recorded in the pcizone:scope tag of every resource."
  type        = bool
}

variable "subnet_newbits" {
  description = "Bits added to the VPC prefix for each subnet. Two of them select the tier block, the rest the AZ, so a tier holds up to 2^(subnet_newbits-2) AZs."
  type        = number
  default     = 4

  validation {
    condition     = var.subnet_newbits >= 3 && var.subnet_newbits <= 8 && floor(var.subnet_newbits) == var.subnet_newbits
    error_message = "subnet_newbits must be a whole number between 3 and 8."
  }
}

variable "flow_log_bucket_arn" {
  description = "ARN of the central log-archive bucket (optionally with a key prefix) that receives the VPC flow log."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9.-]{3,63}(/.*)?$", var.flow_log_bucket_arn))
    error_message = "flow_log_bucket_arn must be an S3 bucket ARN, optionally followed by /prefix."
  }
}

variable "dns_query_logging" {
  description = "Log the VPC's DNS queries (Route 53 Resolver query logging) into flow_log_bucket_arn. PciZone requires it for CDE VPCs (PCZ-VPC-022)."
  type        = bool
  default     = true
}

variable "transit_gateway_id" {
  description = "Transit gateway to attach the app tier to (shared from the network account). Null: no attachment and no transit routes."
  type        = string
  default     = null

  validation {
    condition     = var.transit_gateway_id == null || can(regex("^tgw-[0-9a-f]{8,17}$", var.transit_gateway_id))
    error_message = "transit_gateway_id must be a transit gateway ID (tgw-...) or null."
  }
}

variable "tgw_destination_cidrs" {
  description = "Private CIDRs the app tier reaches through the transit gateway (other VPCs, on-premises). Never 0.0.0.0/0: the app and data tiers have no path to the internet."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.tgw_destination_cidrs : can(cidrhost(c, 0)) && !startswith(c, "0.0.0.0/")])
    error_message = "tgw_destination_cidrs must be IPv4 CIDRs and must not contain a default route (0.0.0.0/n)."
  }
}

variable "tgw_egress_ports" {
  description = "TCP ports the app tier may open towards tgw_destination_cidrs (PCI 1.2.5: every allowed port is listed)."
  type        = list(number)
  default     = [443]

  validation {
    condition     = alltrue([for p in var.tgw_egress_ports : p >= 1 && p <= 65535 && floor(p) == p && p != 22 && p != 3389])
    error_message = "tgw_egress_ports must be TCP ports 1-65535 other than 22 and 3389."
  }
}

variable "tgw_ingress_ports" {
  description = "TCP ports the app tier accepts from tgw_destination_cidrs (for example a shared-services API). Empty: nothing is accepted from other VPCs."
  type        = list(number)
  default     = []

  validation {
    condition     = alltrue([for p in var.tgw_ingress_ports : p >= 1 && p <= 65535 && floor(p) == p && p != 22 && p != 3389])
    error_message = "tgw_ingress_ports must be TCP ports 1-65535 other than 22 and 3389."
  }
}

variable "internet_edge" {
  description = "True to give the edge tier an internet gateway and a default route (public load balancers only; no public IPs are auto-assigned)."
  type        = bool
  default     = false
}

variable "app_port" {
  description = "TCP port the application listens on (load balancer -> app)."
  type        = number
  default     = 8443

  validation {
    condition     = var.app_port >= 1024 && var.app_port <= 65535 && floor(var.app_port) == var.app_port
    error_message = "app_port must be an unprivileged TCP port (1024-65535)."
  }
}

variable "db_port" {
  description = "TCP port of the database tier (app -> db)."
  type        = number
  default     = 5432

  validation {
    condition     = var.db_port >= 1024 && var.db_port <= 65535 && floor(var.db_port) == var.db_port
    error_message = "db_port must be a TCP port between 1024 and 65535."
  }
}

variable "interface_endpoints" {
  description = "AWS services reached through interface endpoints with private DNS, by short name (com.amazonaws.<region>.<name>)."
  type        = list(string)
  default     = ["kms", "sts", "logs"]

  validation {
    condition     = alltrue([for s in var.interface_endpoints : can(regex("^[a-z0-9][a-z0-9.-]*$", s))])
    error_message = "interface_endpoints must be service short names such as kms, sts, logs, ssm, ecr.api."
  }
}

variable "s3_prefix_list_cidrs" {
  description = "IPv4 ranges of the regional S3 prefix list (aws ec2 describe-managed-prefix-lists). Network ACLs cannot reference prefix lists, so the app and data tiers can use the S3 gateway endpoint only for the ranges listed here."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.s3_prefix_list_cidrs : can(cidrhost(c, 0)) && !startswith(c, "0.0.0.0/")])
    error_message = "s3_prefix_list_cidrs must be IPv4 CIDRs other than 0.0.0.0/n."
  }
}

variable "organization_id" {
  description = "Optional AWS Organizations ID (o-...). When set, the VPC endpoint policies admit only principals of the organisation."
  type        = string
  default     = null

  validation {
    condition     = var.organization_id == null || can(regex("^o-[a-z0-9]{10,32}$", var.organization_id))
    error_message = "organization_id must look like o-xxxxxxxxxx or be null."
  }
}

variable "region" {
  description = "AWS region of the VPC, used for endpoint service names (for example eu-west-1)."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "tags" {
  description = "Tags applied to every taggable resource of the module."
  type        = map(string)
  default     = {}
}
