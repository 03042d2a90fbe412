locals {
  internet  = "0.0.0.0/0"
  ephemeral = { from = 1024, to = 65535 }

  tgw_cidrs = local.has_tgw ? var.tgw_destination_cidrs : []

  # PCI 1.3.1, 1.4.2: explicit denies ahead of every allow, so no later rule can open remote
  # administration to the internet.
  deny_admin = [
    { action = "deny", from = 22, to = 22, cidr = local.internet },
    { action = "deny", from = 3389, to = 3389, cidr = local.internet },
  ]

  # Clients allowed to reach the edge tier's listeners: the internet for an internet edge, otherwise the
  # VPC and the private networks behind the transit gateway.
  edge_clients = var.internet_edge ? [local.internet] : concat([var.cidr], local.tgw_cidrs)

  nacl_ingress = {
    edge = concat(
      local.deny_admin,
      [for c in local.edge_clients : { action = "allow", from = 443, to = 443, cidr = c }],
      [for c in local.edge_clients : { action = "allow", from = 80, to = 80, cidr = c }],
      # Replies from the app targets only; no ephemeral range is open to the internet.
      [{ action = "allow", from = local.ephemeral.from, to = local.ephemeral.to, cidr = local.tier_cidrs.app }],
    )
    app = concat(
      local.deny_admin,
      [
        { action = "allow", from = var.app_port, to = var.app_port, cidr = local.tier_cidrs.edge },
        # Interface endpoints live in the app tier and serve the whole VPC.
        { action = "allow", from = 443, to = 443, cidr = var.cidr },
        { action = "allow", from = local.ephemeral.from, to = local.ephemeral.to, cidr = var.cidr },
      ],
      flatten([for c in local.tgw_cidrs : concat(
        [{ action = "allow", from = local.ephemeral.from, to = local.ephemeral.to, cidr = c }],
        [for p in var.tgw_ingress_ports : { action = "allow", from = p, to = p, cidr = c }],
      )]),
      [for c in var.s3_prefix_list_cidrs : { action = "allow", from = local.ephemeral.from, to = local.ephemeral.to, cidr = c }],
    )
    data = concat(
      local.deny_admin,
      [
        { action = "allow", from = var.db_port, to = var.db_port, cidr = local.tier_cidrs.app },
        { action = "allow", from = local.ephemeral.from, to = local.ephemeral.to, cidr = local.tier_cidrs.app },
      ],
      [for c in var.s3_prefix_list_cidrs : { action = "allow", from = local.ephemeral.from, to = local.ephemeral.to, cidr = c }],
    )
  }

  nacl_egress = {
    edge = concat(
      [for c in local.edge_clients : { action = "allow", from = local.ephemeral.from, to = local.ephemeral.to, cidr = c }],
      [{ action = "allow", from = var.app_port, to = var.app_port, cidr = local.tier_cidrs.app }],
    )
    app = concat(
      [
        { action = "allow", from = local.ephemeral.from, to = local.ephemeral.to, cidr = var.cidr },
        { action = "allow", from = var.db_port, to = var.db_port, cidr = local.tier_cidrs.data },
        { action = "allow", from = 443, to = 443, cidr = var.cidr },
      ],
      flatten([for c in local.tgw_cidrs : concat(
        [for p in var.tgw_egress_ports : { action = "allow", from = p, to = p, cidr = c }],
        length(var.tgw_ingress_ports) > 0 ? [{ action = "allow", from = local.ephemeral.from, to = local.ephemeral.to, cidr = c }] : [],
      )]),
      [for c in var.s3_prefix_list_cidrs : { action = "allow", from = 443, to = 443, cidr = c }],
    )
    data = concat(
      [
        { action = "allow", from = local.ephemeral.from, to = local.ephemeral.to, cidr = local.tier_cidrs.app },
        { action = "allow", from = 443, to = 443, cidr = local.tier_cidrs.app },
      ],
      [for c in var.s3_prefix_list_cidrs : { action = "allow", from = 443, to = 443, cidr = c }],
    )
  }
}

# PCI 1.2.1, 1.2.5, 1.3.1, 1.3.2, 1.4.2: stateless subnet filter per tier. Every allowed port is listed
# (1.2.5); SSH and RDP from the internet are denied first; inbound ephemeral ports are open only to
# private ranges that hold the peers of outgoing connections; everything else hits the implicit deny.
resource "aws_network_acl" "this" {
  for_each = toset(local.tiers)

  vpc_id     = aws_vpc.this.id
  subnet_ids = [for k, s in local.subnets : aws_subnet.this[k].id if s.tier == each.key]

  dynamic "ingress" {
    for_each = local.nacl_ingress[each.key]
    content {
      rule_no    = 100 + ingress.key * 10
      action     = ingress.value.action
      protocol   = "tcp"
      from_port  = ingress.value.from
      to_port    = ingress.value.to
      cidr_block = ingress.value.cidr
    }
  }

  dynamic "egress" {
    for_each = local.nacl_egress[each.key]
    content {
      rule_no    = 100 + egress.key * 10
      action     = egress.value.action
      protocol   = "tcp"
      from_port  = egress.value.from
      to_port    = egress.value.to
      cidr_block = egress.value.cidr
    }
  }

  tags = merge(local.common_tags, {
    Name           = "${var.name}-${each.key}"
    "pcizone:tier" = each.key
  })

  lifecycle {
    precondition {
      condition     = length(local.nacl_ingress[each.key]) <= 20 && length(local.nacl_egress[each.key]) <= 20
      error_message = "More than 20 NACL entries in one direction (default quota): list fewer tgw_destination_cidrs, ports or S3 ranges."
    }
  }
}

# PCI 1.2.1, 1.3.1: the default NACL keeps no entries, so a subnet that falls back to it passes nothing.
resource "aws_default_network_acl" "this" {
  default_network_acl_id = aws_vpc.this.default_network_acl_id

  tags = merge(local.common_tags, { Name = "${var.name}-default-deny" })

  lifecycle {
    # Subnets move to their tier NACLs; the provider reports them here during the move.
    ignore_changes = [subnet_ids]
  }
}
