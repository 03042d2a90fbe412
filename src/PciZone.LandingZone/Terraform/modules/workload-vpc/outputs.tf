output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr" {
  description = "IPv4 CIDR of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "tier_cidrs" {
  description = "Aggregate CIDR of each tier: edge, app, data."
  value       = local.tier_cidrs
}

output "subnet_ids" {
  description = "Subnet IDs by tier (edge, app, data), in the order of var.azs."
  value = {
    for t in local.tiers : t => [for az in var.azs : aws_subnet.this["${t}-${az}"].id]
  }
}

output "route_table_ids" {
  description = "Route table ID of each tier."
  value       = { for t, rt in aws_route_table.this : t => rt.id }
}

output "network_acl_ids" {
  description = "Network ACL ID of each tier."
  value       = { for t, n in aws_network_acl.this : t => n.id }
}

output "security_group_ids" {
  description = "Security group IDs by role: alb, app, db, endpoints."
  value       = { for k, sg in aws_security_group.this : k => sg.id }
}

output "tgw_attachment_id" {
  description = "Transit gateway VPC attachment ID, or null when no transit gateway was given."
  value       = one(aws_ec2_transit_gateway_vpc_attachment.this[*].id)
}

output "flow_log_id" {
  description = "ID of the VPC flow log."
  value       = aws_flow_log.this.id
}

output "s3_prefix_list_id" {
  description = "Prefix list of the S3 gateway endpoint (for security group rules outside the module)."
  value       = aws_vpc_endpoint.s3.prefix_list_id
}

output "interface_endpoint_ids" {
  description = "Interface endpoint IDs by service short name."
  value       = { for k, e in aws_vpc_endpoint.interface : k => e.id }
}

output "dns_query_log_config_id" {
  description = "Route 53 Resolver query logging configuration of the VPC (null when dns_query_logging is off)."
  value       = one(aws_route53_resolver_query_log_config.this[*].id)
}
