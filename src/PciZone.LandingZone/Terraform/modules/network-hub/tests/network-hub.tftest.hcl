mock_provider "aws" {}

variables {
  name_prefix      = "acme-network"
  amazon_side_asn  = 64600
  organization_arn = "arn:aws:organizations::111111111111:organization/o-abcdef1234"
  tags             = { Owner = "network" }
}

run "attachments_are_isolated_by_default" {
  command = plan

  assert {
    condition     = aws_ec2_transit_gateway.this.default_route_table_association == "disable"
    error_message = "PCI 1.3.1: new attachments must not be associated with a default route table."
  }

  assert {
    condition     = aws_ec2_transit_gateway.this.default_route_table_propagation == "disable"
    error_message = "PCI 1.3.1: new attachments must not propagate into a default route table."
  }

  assert {
    condition     = aws_ec2_transit_gateway.this.auto_accept_shared_attachments == "enable"
    error_message = "Shared attachments from workload accounts must be accepted automatically."
  }

  assert {
    condition     = aws_ec2_transit_gateway.this.dns_support == "enable"
    error_message = "DNS support must be on."
  }
}

run "one_route_table_per_zone" {
  command = plan

  assert {
    condition     = toset(keys(aws_ec2_transit_gateway_route_table.this)) == toset(["cde", "non_cde", "shared"])
    error_message = "PCI 1.2.1: exactly the cde, non_cde and shared route tables must exist."
  }

  assert {
    condition     = alltrue([for k, rt in aws_ec2_transit_gateway_route_table.this : rt.tags["pci:zone"] == k && rt.tags["Owner"] == "network"])
    error_message = "Every route table carries its zone tag and the caller's tags."
  }
}

run "shared_only_inside_the_organization" {
  command = plan

  assert {
    condition     = aws_ram_resource_share.tgw.allow_external_principals == false
    error_message = "PCI 1.3.1: the transit gateway must not be shareable outside the organisation."
  }

  assert {
    condition     = aws_ram_principal_association.organization.principal == var.organization_arn
    error_message = "The share's principal must be the organisation."
  }

  assert {
    condition     = length(aws_flow_log.tgw) == 0
    error_message = "No flow log is created without a destination."
  }
}

run "flow_log_records_all_traffic_when_enabled" {
  command = plan

  variables {
    flow_log_bucket_arn = "arn:aws:s3:::acme-log-archive"
  }

  assert {
    condition     = length(aws_flow_log.tgw) == 1 && aws_flow_log.tgw[0].traffic_type == "ALL" && aws_flow_log.tgw[0].log_destination == "arn:aws:s3:::acme-log-archive"
    error_message = "PCI 10.2.1: the transit gateway flow log must capture ALL traffic to the log archive."
  }
}

run "rejects_public_asn" {
  command = plan

  variables {
    amazon_side_asn = 16509
  }

  expect_failures = [var.amazon_side_asn]
}

run "rejects_non_organization_principal" {
  command = plan

  variables {
    organization_arn = "222222222222"
  }

  expect_failures = [var.organization_arn]
}
