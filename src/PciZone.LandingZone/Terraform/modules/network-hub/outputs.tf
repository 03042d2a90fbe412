output "transit_gateway_id" {
  description = "ID of the transit gateway."
  value       = aws_ec2_transit_gateway.this.id
}

output "transit_gateway_arn" {
  description = "ARN of the transit gateway."
  value       = aws_ec2_transit_gateway.this.arn
}

output "route_table_ids" {
  description = "Transit gateway route table IDs by zone: cde, non_cde, shared."
  value       = { for k, rt in aws_ec2_transit_gateway_route_table.this : k => rt.id }
}

output "resource_share_arn" {
  description = "ARN of the RAM share that offers the transit gateway to the organisation."
  value       = aws_ram_resource_share.tgw.arn
}
