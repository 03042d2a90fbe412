locals {
  # PCI 1.2.1, 1.3.1, 1.3.2: one route table per trust zone; attachments are placed by transit-routing.
  route_tables = {
    cde     = "CDE: only CDE attachments and shared services are reachable"
    non_cde = "Non-CDE: never receives a route to a CDE attachment"
    shared  = "Shared services: reachable from both zones"
  }
}

# PCI 1.2.1, 1.3.1, 1.3.2: hub of the network security controls between VPCs. Default association and
# propagation are disabled so that no attachment can reach another until transit-routing places it in a
# zone table explicitly (deny by default between zones).
resource "aws_ec2_transit_gateway" "this" {
  description                     = "${var.name_prefix} transit gateway (PCI DSS zone routing)"
  amazon_side_asn                 = var.amazon_side_asn
  auto_accept_shared_attachments  = "enable"
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
  dns_support                     = "enable"
  vpn_ecmp_support                = "enable"
  multicast_support               = "disable"

  tags = merge(var.tags, { Name = "${var.name_prefix}-tgw" })
}

# PCI 1.2.1, 1.3.1, 1.3.2: separate route tables per zone keep CDE and non-CDE routing domains apart.
resource "aws_ec2_transit_gateway_route_table" "this" {
  for_each = local.route_tables

  transit_gateway_id = aws_ec2_transit_gateway.this.id

  tags = merge(var.tags, {
    Name          = "${var.name_prefix}-tgw-${replace(each.key, "_", "-")}"
    "pci:zone"    = each.key
    "pci:purpose" = each.value
  })
}

# PCI 1.2.1, 1.3.1: the share is limited to the organisation; no account outside it can attach.
resource "aws_ram_resource_share" "tgw" {
  name                      = "${var.name_prefix}-tgw"
  allow_external_principals = false

  tags = var.tags
}

# PCI 1.2.1: the transit gateway is the only resource in the share.
resource "aws_ram_resource_association" "tgw" {
  resource_arn       = aws_ec2_transit_gateway.this.arn
  resource_share_arn = aws_ram_resource_share.tgw.arn
}

# PCI 1.2.1, 1.3.1: principal is the organisation itself, never an external account.
resource "aws_ram_principal_association" "organization" {
  principal          = var.organization_arn
  resource_share_arn = aws_ram_resource_share.tgw.arn
}

# PCI 10.2.1, 10.2.2, 1.2.7: record every flow crossing the transit gateway between zones, delivered
# to the central log-archive bucket (optional: needs flow_log_bucket_arn).
resource "aws_flow_log" "tgw" {
  count = var.flow_log_bucket_arn == null ? 0 : 1

  transit_gateway_id       = aws_ec2_transit_gateway.this.id
  log_destination_type     = "s3"
  log_destination          = var.flow_log_bucket_arn
  traffic_type             = "ALL"
  max_aggregation_interval = 60

  tags = merge(var.tags, { Name = "${var.name_prefix}-tgw-flow-log" })
}
