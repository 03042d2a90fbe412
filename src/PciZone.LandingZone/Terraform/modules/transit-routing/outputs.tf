output "zone" {
  description = "Zone the attachment was placed in: cde, non_cde or shared."
  value       = local.zone
}

output "associated_route_table_id" {
  description = "Transit gateway route table the attachment is associated with."
  value       = aws_ec2_transit_gateway_route_table_association.this.transit_gateway_route_table_id
}

output "propagated_route_table_ids" {
  description = "Transit gateway route tables that learn the attachment's routes, by zone."
  value       = { for k, p in aws_ec2_transit_gateway_route_table_propagation.this : k => p.transit_gateway_route_table_id }
}
