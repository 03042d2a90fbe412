locals {
  security_groups = {
    alb       = "Load balancer: HTTPS (and the HTTP redirect) from its clients, app_port to the app tier only"
    app       = "Application: app_port from the load balancer, database, endpoints and listed private networks"
    db        = "Database: db_port from the application only; no egress"
    endpoints = "Interface endpoints: HTTPS from the VPC; no egress"
  }

  # Every entry names its peer: another group (by reference), a CIDR or a prefix list. Keys are static.
  sg_ingress = merge(
    { for c in local.edge_clients : "alb-https-${c}" => { sg = "alb", port = 443, cidr = c, ref = null, pl = false, why = "HTTPS from clients" } },
    { for c in local.edge_clients : "alb-http-${c}" => { sg = "alb", port = 80, cidr = c, ref = null, pl = false, why = "HTTP, redirected to HTTPS by the listener" } },
    { "app-from-alb" = { sg = "app", port = var.app_port, cidr = null, ref = "alb", pl = false, why = "Application traffic from the load balancer" } },
    merge([for c in local.tgw_cidrs : { for p in var.tgw_ingress_ports : "app-${p}-from-${c}" => { sg = "app", port = p, cidr = c, ref = null, pl = false, why = "Listed port from a private network behind the transit gateway" } }]...),
    { "db-from-app" = { sg = "db", port = var.db_port, cidr = null, ref = "app", pl = false, why = "Database connections from the application" } },
    { "endpoints-https-vpc" = { sg = "endpoints", port = 443, cidr = var.cidr, ref = null, pl = false, why = "AWS API calls from the VPC" } },
  )

  sg_egress = merge(
    { "alb-to-app" = { sg = "alb", port = var.app_port, cidr = null, ref = "app", pl = false, why = "Forward to application targets" } },
    { "app-to-db" = { sg = "app", port = var.db_port, cidr = null, ref = "db", pl = false, why = "Database connections" } },
    { "app-to-endpoints" = { sg = "app", port = 443, cidr = null, ref = "endpoints", pl = false, why = "AWS APIs through interface endpoints" } },
    { "app-to-s3" = { sg = "app", port = 443, cidr = null, ref = null, pl = true, why = "S3 through the gateway endpoint" } },
    merge([for c in local.tgw_cidrs : { for p in var.tgw_egress_ports : "app-${p}-to-${c}" => { sg = "app", port = p, cidr = c, ref = null, pl = false, why = "Listed port to a private network behind the transit gateway" } }]...),
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

# PCI 1.2.5, 1.3.1, 1.4.2: inbound by group reference or named private range; the internet reaches only
# the load balancer, on 443 and 80, and only with an internet edge.
resource "aws_vpc_security_group_ingress_rule" "this" {
  for_each = local.sg_ingress

  security_group_id            = aws_security_group.this[each.value.sg].id
  description                  = each.value.why
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  cidr_ipv4                    = each.value.cidr
  referenced_security_group_id = each.value.ref == null ? null : aws_security_group.this[each.value.ref].id

  tags = local.common_tags
}

# PCI 1.2.5, 1.3.2, 1.4.2: outbound only to named peers on named ports; no all-protocol rule and no
# rule to 0.0.0.0/0.
resource "aws_vpc_security_group_egress_rule" "this" {
  for_each = local.sg_egress

  security_group_id            = aws_security_group.this[each.value.sg].id
  description                  = each.value.why
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  cidr_ipv4                    = each.value.cidr
  referenced_security_group_id = each.value.ref == null ? null : aws_security_group.this[each.value.ref].id
  prefix_list_id               = each.value.pl ? aws_vpc_endpoint.s3.prefix_list_id : null

  tags = local.common_tags
}
