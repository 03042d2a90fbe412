variable "attachment_id" {
  description = "ID of the transit gateway attachment (VPC, VPN, peering) to place in a zone."
  type        = string

  validation {
    condition     = can(regex("^tgw-attach-[0-9a-f]{8,17}$", var.attachment_id))
    error_message = "attachment_id must be a transit gateway attachment ID (tgw-attach-...)."
  }
}

variable "is_cde" {
  description = "True when the attachment belongs to the cardholder data environment (associated with the cde table)."
  type        = bool
}

variable "is_shared_services" {
  description = "True for a shared-services attachment (DNS, directory, tooling): associated with the shared table and propagated into cde, non_cde and shared so both zones reach it. It is then a connected-to system in PCI scope. Cannot be combined with is_cde."
  type        = bool
  default     = false
}

variable "route_table_ids" {
  description = "Transit gateway route table IDs by zone, as output by network-hub: cde, non_cde, shared."
  type        = map(string)

  validation {
    condition     = alltrue([for k in ["cde", "non_cde", "shared"] : contains(keys(var.route_table_ids), k)])
    error_message = "route_table_ids must contain the keys cde, non_cde and shared."
  }
}

variable "tags" {
  description = "Accepted for interface uniformity; associations and propagations are not taggable."
  type        = map(string)
  default     = {}
}
