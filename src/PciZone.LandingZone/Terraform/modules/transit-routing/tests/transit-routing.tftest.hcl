mock_provider "aws" {}

variables {
  attachment_id = "tgw-attach-0123456789abcdef0"
  route_table_ids = {
    cde     = "tgw-rtb-0000000000000c0de"
    non_cde = "tgw-rtb-000000000000000ff"
    shared  = "tgw-rtb-00000000000005a5e"
  }
}

run "cde_attachment_stays_in_cde_and_shared" {
  command = plan

  variables {
    is_cde = true
  }

  assert {
    condition     = aws_ec2_transit_gateway_route_table_association.this.transit_gateway_route_table_id == var.route_table_ids["cde"]
    error_message = "PCI 1.3.1: a CDE attachment must be associated with the cde table."
  }

  assert {
    condition     = !contains([for p in aws_ec2_transit_gateway_route_table_propagation.this : p.transit_gateway_route_table_id], var.route_table_ids["non_cde"])
    error_message = "PCI 1.3.1, 1.3.2: a CDE attachment must never propagate into the non_cde table."
  }

  assert {
    condition     = toset([for p in aws_ec2_transit_gateway_route_table_propagation.this : p.transit_gateway_route_table_id]) == toset([var.route_table_ids["cde"], var.route_table_ids["shared"]])
    error_message = "A CDE attachment propagates into the cde and shared tables only."
  }
}

run "non_cde_attachment_never_reaches_the_cde_table" {
  command = plan

  variables {
    is_cde = false
  }

  assert {
    condition     = aws_ec2_transit_gateway_route_table_association.this.transit_gateway_route_table_id == var.route_table_ids["non_cde"]
    error_message = "PCI 1.3.1: a non-CDE attachment must be associated with the non_cde table."
  }

  assert {
    condition     = !contains([for p in aws_ec2_transit_gateway_route_table_propagation.this : p.transit_gateway_route_table_id], var.route_table_ids["cde"])
    error_message = "PCI 1.3.1, 1.3.2: a non-CDE attachment must never propagate into the cde table."
  }

  assert {
    condition     = toset([for p in aws_ec2_transit_gateway_route_table_propagation.this : p.transit_gateway_route_table_id]) == toset([var.route_table_ids["non_cde"], var.route_table_ids["shared"]])
    error_message = "A non-CDE attachment propagates into the non_cde and shared tables only."
  }
}

run "shared_services_reach_both_zones" {
  command = plan

  variables {
    is_cde             = false
    is_shared_services = true
  }

  assert {
    condition     = aws_ec2_transit_gateway_route_table_association.this.transit_gateway_route_table_id == var.route_table_ids["shared"]
    error_message = "A shared-services attachment must be associated with the shared table."
  }

  assert {
    condition     = length(aws_ec2_transit_gateway_route_table_propagation.this) == 3
    error_message = "A shared-services attachment propagates into all three tables."
  }
}

run "cde_and_shared_at_once_is_refused" {
  command = plan

  variables {
    is_cde             = true
    is_shared_services = true
  }

  expect_failures = [aws_ec2_transit_gateway_route_table_association.this]
}

run "route_tables_must_be_complete" {
  command = plan

  variables {
    is_cde          = true
    route_table_ids = { cde = "tgw-rtb-0000000000000c0de" }
  }

  expect_failures = [var.route_table_ids]
}
