locals {
  security_groups = {
    alb       = "Load balancer: HTTPS (and the HTTP redirect) from its clients, app_port to the app tier only"
    app       = "Application: app_port from the load balancer, database, endpoints and listed private networks"
    db        = "Database: db_port from the application only; no egress"
    endpoints = "Interface endpoints: HTTPS from the VPC; no egress"
  }

  # Rules to CIDRs and prefix lists. Keys are static. Rules between the groups are resources of their
  # own below: a reference with a computed index (aws_security_group.this[each.value.ref]) hides from
  # reviewers and scanners which group is the peer.
  sg_ingress = merge(
    { for c in local.edge_clients : "alb-https-${c}" => { sg = "alb", port = 443, cidr = c, why = "HTTPS from clients" } },
    { for c in local.edge_clients : "alb-http-${c}" => { sg = "alb", port = 80, cidr = c, why = "HTTP, redirected to HTTPS by the listener" } },
    merge([for c in local.tgw_cidrs : { for p in var.tgw_ingress_ports : "app-${p}-from-${c}" => { sg = "app", port = p, cidr = c, why = "Listed port from a private network behind the transit gateway" } }]...),
    { "endpoints-https-vpc" = { sg = "endpoints", port = 443, cidr = var.cidr, why = "AWS API calls from the VPC" } },
  )

  sg_egress = merge(
    { "app-to-s3" = { sg = "app", port = 443, cidr = null, pl = true, why = "S3 through the gateway endpoint" } },
    merge([for c in local.tgw_cidrs : { for p in var.tgw_egress_ports : "app-${p}-to-${c}" => { sg = "app", port = p, cidr = c, pl = false, why = "Listed port to a private network behind the transit gateway" } }]...),
  )
}

# PCI 1.2.1, 1.2.5, 1.3.1, 1.3.2: one stateful group per role. Terraform removes AWS's allow-all egress
# rule from groups it creates, so each group allows only the rules below.
resource "aws_security_group" "this" {
  for_each = local.security_groups

  name        = "${var.name}-${each.key}"
  description = each.value
  vpc_id      = aws_vpc.this.id

  tags = merge(local.common_tags, { Name = "${var.name}-${each.key}" })
}

# PCI 1.2.5, 1.3.1, 1.4.2: inbound from named private ranges; the internet reaches only the load
# balancer, on 443 and 80, and only with an internet edge.
resource "aws_vpc_security_group_ingress_rule" "this" {
  for_each = local.sg_ingress

  security_group_id = aws_security_group.this[each.value.sg].id
  description       = each.value.why
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr

  tags = local.common_tags
}

# PCI 1.2.5, 1.3.2, 1.4.2: outbound only to named peers on named ports; no all-protocol rule and no
# rule to 0.0.0.0/0.
resource "aws_vpc_security_group_egress_rule" "this" {
  for_each = local.sg_egress

  security_group_id = aws_security_group.this[each.value.sg].id
  description       = each.value.why
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr
  prefix_list_id    = each.value.pl ? aws_vpc_endpoint.s3.prefix_list_id : null

  tags = local.common_tags
}

# PCI 1.2.5, 1.3.1: the application tier accepts app_port from the load balancer group only.
resource "aws_vpc_security_group_ingress_rule" "app_from_alb" {
  security_group_id            = aws_security_group.this["app"].id
  referenced_security_group_id = aws_security_group.this["alb"].id
  description                  = "Application traffic from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port

  tags = local.common_tags
}

# PCI 1.2.5, 1.3.1: the database accepts db_port from the application group only.
resource "aws_vpc_security_group_ingress_rule" "db_from_app" {
  security_group_id            = aws_security_group.this["db"].id
  referenced_security_group_id = aws_security_group.this["app"].id
  description                  = "Database connections from the application"
  ip_protocol                  = "tcp"
  from_port                    = var.db_port
  to_port                      = var.db_port

  tags = local.common_tags
}

# PCI 1.2.5, 1.3.2: the load balancer forwards only to the application group.
resource "aws_vpc_security_group_egress_rule" "alb_to_app" {
  security_group_id            = aws_security_group.this["alb"].id
  referenced_security_group_id = aws_security_group.this["app"].id
  description                  = "Forward to application targets"
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port

  tags = local.common_tags
}

# PCI 1.2.5, 1.3.2: the application reaches the database group on db_port only.
resource "aws_vpc_security_group_egress_rule" "app_to_db" {
  security_group_id            = aws_security_group.this["app"].id
  referenced_security_group_id = aws_security_group.this["db"].id
  description                  = "Database connections"
  ip_protocol                  = "tcp"
  from_port                    = var.db_port
  to_port                      = var.db_port

  tags = local.common_tags
}

# PCI 1.2.5, 1.3.2: AWS APIs only through the interface endpoints' group.
resource "aws_vpc_security_group_egress_rule" "app_to_endpoints" {
  security_group_id            = aws_security_group.this["app"].id
  referenced_security_group_id = aws_security_group.this["endpoints"].id
  description                  = "AWS APIs through interface endpoints"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443

  tags = local.common_tags
}
