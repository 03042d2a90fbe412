mock_provider "aws" {}

# Known route table IDs at plan time, so the S3 endpoint association can be asserted.
override_resource {
  target          = aws_route_table.this["app"]
  override_during = plan
  values          = { id = "rtb-00000000000000a99" }
}

override_resource {
  target          = aws_route_table.this["data"]
  override_during = plan
  values          = { id = "rtb-00000000000000da7" }
}

override_resource {
  target          = aws_route_table.this["edge"]
  override_during = plan
  values          = { id = "rtb-00000000000000ed9" }
}

variables {
  name                  = "cde-prod"
  cidr                  = "10.20.0.0/16"
  azs                   = ["eu-west-1a", "eu-west-1b"]
  is_cde                = true
  flow_log_bucket_arn   = "arn:aws:s3:::acme-log-archive"
  transit_gateway_id    = "tgw-0123456789abcdef0"
  tgw_destination_cidrs = ["10.10.0.0/16"]
  tgw_ingress_ports     = [9443]
  internet_edge         = true
  s3_prefix_list_cidrs  = ["52.218.0.0/17"]
  region                = "eu-west-1"
  tags                  = { Owner = "payments" }
}

run "data_tier_has_no_route_out" {
  command = plan

  assert {
    condition     = length(aws_route_table.this["data"].route) == 0
    error_message = "PCI 1.3.1, 1.4.4: the data tier route table holds only the local route (and the S3 endpoint)."
  }

  assert {
    condition     = alltrue([for t in ["app", "data"] : alltrue([for r in aws_route_table.this[t].route : r.cidr_block != "0.0.0.0/0"])])
    error_message = "PCI 1.3.2, 1.4.4: app and data tiers must have no default route."
  }

  assert {
    condition     = alltrue([for r in aws_route_table.this["app"].route : r.transit_gateway_id == var.transit_gateway_id && contains(var.tgw_destination_cidrs, r.cidr_block)])
    error_message = "The app tier routes only the listed private CIDRs, and only to the transit gateway."
  }

  assert {
    condition     = length(aws_default_route_table.this.route) == 0
    error_message = "PCI 1.3.1: the main route table must stay empty."
  }

  assert {
    condition     = toset(aws_vpc_endpoint.s3.route_table_ids) == toset(["rtb-00000000000000a99", "rtb-00000000000000da7"])
    error_message = "The S3 gateway endpoint serves the app and data tiers, never the edge."
  }
}

run "internet_edge_only_on_the_edge_tier" {
  command = plan

  assert {
    condition     = length(aws_internet_gateway.this) == 1
    error_message = "An internet edge needs its internet gateway."
  }

  assert {
    condition     = length(aws_route_table.this["edge"].route) == 1 && one(aws_route_table.this["edge"].route).cidr_block == "0.0.0.0/0"
    error_message = "PCI 1.4.1: only the edge tier has the default route to the internet gateway."
  }

  assert {
    condition     = alltrue([for s in aws_subnet.this : s.map_public_ip_on_launch == false])
    error_message = "PCI 1.4.4: no subnet may auto-assign public IPs, not even the edge."
  }

  assert {
    condition     = length(aws_subnet.this) == 6
    error_message = "Three tiers times two AZs."
  }
}

run "nacls_keep_admin_ports_and_ephemeral_range_closed_to_the_internet" {
  command = plan

  assert {
    condition = alltrue(flatten([for t, n in aws_network_acl.this : [
      for r in n.ingress : !(r.action == "allow" && r.cidr_block == "0.0.0.0/0" && (r.protocol == "-1" || r.protocol == "all" || (r.from_port <= 22 && r.to_port >= 22) || (r.from_port <= 3389 && r.to_port >= 3389)))
    ]]))
    error_message = "PCI 1.3.1, 1.4.2: no NACL may allow SSH or RDP from 0.0.0.0/0."
  }

  assert {
    condition = alltrue(flatten([for t, n in aws_network_acl.this : [
      for r in n.ingress : contains([80, 443], r.from_port) && r.from_port == r.to_port if r.action == "allow" && r.cidr_block == "0.0.0.0/0"
    ]]))
    error_message = "PCI 1.4.2: the internet may reach only ports 80 and 443; no ephemeral range from 0.0.0.0/0."
  }

  assert {
    condition     = alltrue([for t in ["app", "data"] : alltrue([for r in aws_network_acl.this[t].ingress : r.cidr_block != "0.0.0.0/0" || r.action == "deny"])])
    error_message = "PCI 1.3.1: app and data tiers accept nothing from the internet."
  }

  assert {
    condition     = alltrue([for t, n in aws_network_acl.this : length([for r in n.ingress : r if r.action == "deny" && r.cidr_block == "0.0.0.0/0" && contains([22, 3389], r.from_port) && r.rule_no < 120]) == 2])
    error_message = "Every tier NACL denies SSH and RDP from the internet ahead of its allows."
  }

  assert {
    condition     = length(aws_default_network_acl.this.ingress) == 0 && length(aws_default_network_acl.this.egress) == 0
    error_message = "PCI 1.2.1: the default NACL keeps no entries (deny all)."
  }
}

run "dns_queries_are_logged_to_the_archive" {
  command = plan

  assert {
    condition     = aws_route53_resolver_query_log_config.this[0].destination_arn == var.flow_log_bucket_arn && length(aws_route53_resolver_query_log_config_association.this) == 1
    error_message = "PCI 10.2.1, 11.5.1: the VPC's DNS queries are logged into the log archive."
  }
}

run "security_groups_restrict_egress_and_chain_by_reference" {
  command = plan

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_egress_rule.this : r.ip_protocol != "-1" && r.cidr_ipv4 != "0.0.0.0/0"])
    error_message = "PCI 1.3.2: no security group egress to 0.0.0.0/0 and no all-protocol egress."
  }

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_ingress_rule.this : contains([80, 443], r.from_port) && r.from_port == r.to_port if r.cidr_ipv4 == "0.0.0.0/0"])
    error_message = "PCI 1.4.2: the internet reaches only 80 and 443."
  }

  assert {
    condition     = !contains([for k, r in aws_vpc_security_group_ingress_rule.this : split("-", k)[0]], "db") && aws_vpc_security_group_ingress_rule.db_from_app.cidr_ipv4 == null && aws_vpc_security_group_ingress_rule.db_from_app.from_port == var.db_port && aws_vpc_security_group_ingress_rule.db_from_app.to_port == var.db_port
    error_message = "PCI 1.3.1: the database accepts db_port by group reference only (from app)."
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.app_from_alb.from_port == var.app_port && aws_vpc_security_group_ingress_rule.app_from_alb.cidr_ipv4 == null && aws_vpc_security_group_egress_rule.alb_to_app.to_port == var.app_port && aws_vpc_security_group_egress_rule.alb_to_app.cidr_ipv4 == null
    error_message = "PCI 1.3.1: the load balancer and the application tier talk on app_port by group reference only."
  }

  assert {
    condition     = !contains([for k, r in aws_vpc_security_group_egress_rule.this : split("-", k)[0]], "db") && !contains([for k, r in aws_vpc_security_group_egress_rule.this : split("-", k)[0]], "endpoints")
    error_message = "The db and endpoints groups have no egress."
  }

  assert {
    condition     = length(aws_default_security_group.this.ingress) == 0 && length(aws_default_security_group.this.egress) == 0
    error_message = "PCI 1.2.1: the default security group allows no traffic."
  }
}

run "flow_log_captures_all_traffic_to_the_archive" {
  command = plan

  assert {
    condition     = aws_flow_log.this.traffic_type == "ALL" && aws_flow_log.this.log_destination_type == "s3" && aws_flow_log.this.log_destination == var.flow_log_bucket_arn
    error_message = "PCI 10.2.1: the VPC flow log records ALL traffic into the log archive."
  }

  assert {
    condition     = alltrue([for e in aws_vpc_endpoint.interface : e.private_dns_enabled]) && toset(keys(aws_vpc_endpoint.interface)) == toset(["kms", "sts", "logs"])
    error_message = "Interface endpoints for kms, sts and logs with private DNS."
  }

  assert {
    condition     = length(aws_ec2_transit_gateway_vpc_attachment.this) == 1
    error_message = "A transit gateway ID gives an attachment."
  }

  assert {
    condition     = alltrue([for s in aws_subnet.this : s.tags["pcizone:scope"] == "cde" && s.tags["Owner"] == "payments"])
    error_message = "Every subnet carries the scope tag and the caller's tags."
  }
}

run "isolated_vpc_without_edge_or_transit" {
  command = plan

  variables {
    is_cde                = false
    internet_edge         = false
    transit_gateway_id    = null
    tgw_destination_cidrs = []
    tgw_ingress_ports     = []
  }

  assert {
    condition     = length(aws_internet_gateway.this) == 0 && length(aws_ec2_transit_gateway_vpc_attachment.this) == 0
    error_message = "No internet gateway and no attachment when neither is asked for."
  }

  assert {
    condition     = alltrue([for t in ["edge", "app", "data"] : length(aws_route_table.this[t].route) == 0])
    error_message = "Without edge and transit gateway every tier is local only."
  }

  assert {
    condition     = output.tgw_attachment_id == null
    error_message = "tgw_attachment_id is null without a transit gateway."
  }

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_ingress_rule.this : r.cidr_ipv4 != "0.0.0.0/0"])
    error_message = "An internal edge is not reachable from the internet."
  }

  assert {
    condition     = alltrue(flatten([for t, n in aws_network_acl.this : [for r in n.ingress : r.action == "deny" if r.cidr_block == "0.0.0.0/0"]]))
    error_message = "Without an internet edge no NACL allows anything from 0.0.0.0/0."
  }
}

run "rejects_default_route_through_transit" {
  command = plan

  variables {
    tgw_destination_cidrs = ["0.0.0.0/0"]
  }

  expect_failures = [var.tgw_destination_cidrs]
}

run "rejects_admin_port_towards_transit" {
  command = plan

  variables {
    tgw_ingress_ports = [22]
  }

  expect_failures = [var.tgw_ingress_ports]
}

run "rejects_more_azs_than_the_tier_block_holds" {
  command = plan

  variables {
    subnet_newbits = 3
    azs            = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  }

  expect_failures = [aws_vpc.this]
}
