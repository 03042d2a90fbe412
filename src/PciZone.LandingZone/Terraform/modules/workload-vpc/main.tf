locals {
  tiers = ["edge", "app", "data"]

  # Each tier gets one aggregate block (a quarter of the VPC), so NACLs and routes can name a whole tier
  # with one CIDR; the fourth quarter is kept spare for growth.
  tier_cidrs = { for i, t in local.tiers : t => cidrsubnet(var.cidr, 2, i) }

  subnets = merge([
    for t in local.tiers : {
      for i, az in var.azs : "${t}-${az}" => {
        tier = t
        az   = az
        # null when the AZ does not fit; the precondition on aws_vpc reports it.
        cidr = try(cidrsubnet(local.tier_cidrs[t], var.subnet_newbits - 2, i), null)
      }
    }
  ]...)

  has_tgw = var.transit_gateway_id != null

  common_tags = merge(var.tags, {
    "pcizone:scope" = var.is_cde ? "cde" : "non-cde"
  })

  # Attribute syntax needs every field of a route object; unset fields are null.
  route_defaults = {
    carrier_gateway_id         = null
    cidr_block                 = null
    core_network_arn           = null
    destination_prefix_list_id = null
    egress_only_gateway_id     = null
    gateway_id                 = null
    ipv6_cidr_block            = null
    local_gateway_id           = null
    nat_gateway_id             = null
    network_interface_id       = null
    transit_gateway_id         = null
    vpc_endpoint_id            = null
    vpc_peering_connection_id  = null
  }

  # PCI 1.3.1, 1.3.2, 1.4.1, 1.4.4: the only default route is the edge tier's, and only with an internet
  # edge. App reaches named private CIDRs over the transit gateway. Data has the local route and the S3
  # gateway endpoint (added by the endpoint association) and nothing else.
  routes = {
    edge = var.internet_edge ? [merge(local.route_defaults, { cidr_block = "0.0.0.0/0", gateway_id = aws_internet_gateway.this[0].id })] : []
    app  = local.has_tgw ? [for c in var.tgw_destination_cidrs : merge(local.route_defaults, { cidr_block = c, transit_gateway_id = var.transit_gateway_id })] : []
    data = []
  }
}

# PCI 1.2.1, 1.2.3: the VPC is the network boundary of the workload; DNS is on for private endpoint names.
resource "aws_vpc" "this" {
  cidr_block           = var.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = merge(local.common_tags, { Name = var.name })

  lifecycle {
    precondition {
      condition     = length(var.azs) <= pow(2, var.subnet_newbits - 2) && tonumber(split("/", var.cidr)[1]) + var.subnet_newbits <= 28
      error_message = "Too many AZs for subnet_newbits, or subnets smaller than /28: raise subnet_newbits or use a larger cidr."
    }
  }
}

# PCI 1.2.1, 1.3.1: subnets per tier and AZ; no instance ever gets a public IP automatically (1.4.4).
resource "aws_subnet" "this" {
  for_each = local.subnets

  vpc_id                          = aws_vpc.this.id
  availability_zone               = each.value.az
  cidr_block                      = each.value.cidr
  map_public_ip_on_launch         = false
  assign_ipv6_address_on_creation = false

  tags = merge(local.common_tags, {
    Name           = "${var.name}-${each.key}"
    "pcizone:tier" = each.value.tier
  })
}

# PCI 1.4.1, 1.4.2: the only connection to the internet, created only for an internet edge.
resource "aws_internet_gateway" "this" {
  count = var.internet_edge ? 1 : 0

  vpc_id = aws_vpc.this.id

  tags = merge(local.common_tags, { Name = "${var.name}-igw" })
}

# PCI 1.2.1, 1.3.1, 1.3.2, 1.4.1: one route table per tier. Routes are written inline so every apply
# removes routes added outside Terraform (1.2.7, 1.2.8: the configuration stays the reviewed one).
resource "aws_route_table" "this" {
  for_each = toset(local.tiers)

  vpc_id = aws_vpc.this.id
  route  = local.routes[each.key]

  tags = merge(local.common_tags, {
    Name           = "${var.name}-${each.key}"
    "pcizone:tier" = each.key
  })
}

# PCI 1.3.1: each subnet uses its tier's route table, never the main table.
resource "aws_route_table_association" "this" {
  for_each = local.subnets

  subnet_id      = aws_subnet.this[each.key].id
  route_table_id = aws_route_table.this[each.value.tier].id
}

# PCI 1.2.1, 1.3.1: the main route table has no routes beyond local, so anything associated with it by
# mistake is isolated.
resource "aws_default_route_table" "this" {
  default_route_table_id = aws_vpc.this.default_route_table_id
  route                  = []

  tags = merge(local.common_tags, { Name = "${var.name}-main-unused" })
}

# PCI 1.2.1, 1.3.1, 1.3.2: the default security group admits and emits nothing; every workload must use
# a purpose-built group.
resource "aws_default_security_group" "this" {
  vpc_id  = aws_vpc.this.id
  ingress = []
  egress  = []

  tags = merge(local.common_tags, { Name = "${var.name}-default-unused" })
}

# PCI 10.2.1, 10.2.2, 10.3.3: every accepted and rejected flow of the VPC, delivered to the central,
# write-protected log-archive bucket. Version 5 fields add packet addresses, TCP flags and direction.
resource "aws_flow_log" "this" {
  vpc_id                   = aws_vpc.this.id
  traffic_type             = "ALL"
  log_destination_type     = "s3"
  log_destination          = var.flow_log_bucket_arn
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${flow-direction} $${traffic-path}"

  tags = merge(local.common_tags, { Name = "${var.name}-flow-log" })
}

# PCI 1.2.1, 1.3.1, 1.3.2: the app tier joins the transit gateway; the network account decides which
# zone table it is associated with and which tables learn its routes (transit-routing module).
resource "aws_ec2_transit_gateway_vpc_attachment" "this" {
  count = local.has_tgw ? 1 : 0

  transit_gateway_id     = var.transit_gateway_id
  vpc_id                 = aws_vpc.this.id
  subnet_ids             = [for k, s in local.subnets : aws_subnet.this[k].id if s.tier == "app"]
  dns_support            = "enable"
  ipv6_support           = "disable"
  appliance_mode_support = "disable"

  tags = merge(local.common_tags, { Name = "${var.name}-tgw" })
}
