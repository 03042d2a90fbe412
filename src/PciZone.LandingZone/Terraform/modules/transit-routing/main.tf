locals {
  zone = var.is_shared_services ? "shared" : (var.is_cde ? "cde" : "non_cde")

  # PCI 1.3.1, 1.3.2: a CDE attachment is announced only to the CDE and shared tables, a non-CDE one
  # only to the non-CDE and shared tables. Shared services are announced to every zone. The non_cde
  # table therefore never learns a route to the CDE, and CDE <-> non-CDE traffic has no path.
  propagate_into = {
    cde     = ["cde", "shared"]
    non_cde = ["non_cde", "shared"]
    shared  = ["cde", "non_cde", "shared"]
  }[local.zone]
}

# PCI 1.2.1, 1.3.1, 1.3.2: the attachment routes only with its own zone's table.
resource "aws_ec2_transit_gateway_route_table_association" "this" {
  transit_gateway_attachment_id  = var.attachment_id
  transit_gateway_route_table_id = var.route_table_ids[local.zone]
  replace_existing_association   = true

  lifecycle {
    precondition {
      condition     = !(var.is_cde && var.is_shared_services)
      error_message = "An attachment is either CDE or shared services, not both (PCI 1.3.1 zone separation)."
    }
  }
}

# PCI 1.3.1, 1.3.2: announce the attachment's CIDRs only to the tables allowed to reach it.
resource "aws_ec2_transit_gateway_route_table_propagation" "this" {
  for_each = toset(local.propagate_into)

  transit_gateway_attachment_id  = var.attachment_id
  transit_gateway_route_table_id = var.route_table_ids[each.key]
}
