# Network paths: every record of NetworkPaths.cs with the companions Terraform splits it into.
resource "aws_vpc" "cde" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "shared" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_vpc_ipv4_cidr_block_association" "literal" {
  vpc_id     = aws_vpc.cde.id
  cidr_block = "10.2.0.0/16"
}

resource "aws_vpc_ipam" "main" {
  operating_regions {
    region_name = "eu-west-1"
  }
}

resource "aws_vpc_ipam_pool" "main" {
  address_family = "ipv4"
  ipam_scope_id  = aws_vpc_ipam.main.private_default_scope_id
  locale         = "eu-west-1"
}

resource "aws_vpc_ipv4_cidr_block_association" "from_ipam" {
  vpc_id              = aws_vpc.shared.id
  ipv4_ipam_pool_id   = aws_vpc_ipam_pool.main.id
  ipv4_netmask_length = 20
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.cde.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_subnet" "data" {
  vpc_id     = aws_vpc.cde.id
  cidr_block = "10.0.2.0/24"
}

resource "aws_subnet" "shared" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.1.1.0/24"
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.cde.id
}

resource "aws_security_group" "extra" {
  name   = "extra"
  vpc_id = aws_vpc.cde.id
  ingress {
    protocol        = "tcp"
    from_port       = 5432
    to_port         = 5432
    security_groups = [aws_security_group.app.id]
  }
  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = [aws_vpc_ipv4_cidr_block_association.from_ipam.cidr_block]
  }
}

resource "aws_ec2_managed_prefix_list" "office" {
  name           = "office"
  address_family = "IPv4"
  max_entries    = 5
  entry {
    cidr = "192.0.2.0/24"
  }
}

resource "aws_ec2_managed_prefix_list_entry" "vpn" {
  prefix_list_id = aws_ec2_managed_prefix_list.office.id
  cidr           = "198.51.100.0/24"
}

resource "aws_security_group_rule" "from_office" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_ids   = [aws_ec2_managed_prefix_list.office.id, "pl-6da54004"]
}

resource "aws_network_interface" "app" {
  subnet_id         = aws_subnet.app.id
  security_groups   = [aws_security_group.app.id]
  private_ips       = ["10.0.1.10"]
  source_dest_check = false
}

resource "aws_network_interface" "data" {
  subnet_id = aws_subnet.data.id
}

resource "aws_network_interface" "inline_attached" {
  subnet_id = aws_subnet.shared.id
  attachment {
    instance     = aws_instance.app.id
    device_index = 2
  }
}

resource "aws_instance" "app" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  network_interface {
    network_interface_id = aws_network_interface.app.id
    device_index         = 0
  }
}

resource "aws_instance" "plain" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.app.id
  private_ip             = "10.0.1.20"
  vpc_security_group_ids = [aws_security_group.app.id]
}

resource "aws_network_interface_attachment" "data" {
  instance_id          = aws_instance.app.id
  network_interface_id = aws_network_interface.data.id
  device_index         = 1
}

resource "aws_network_interface_sg_attachment" "data" {
  security_group_id    = aws_security_group.extra.id
  network_interface_id = aws_network_interface.data.id
}

resource "aws_network_interface_sg_attachment" "plain_primary" {
  security_group_id    = aws_security_group.extra.id
  network_interface_id = aws_instance.plain.primary_network_interface_id
}

resource "aws_eip" "associated" {
  domain = "vpc"
}

resource "aws_eip_association" "associated" {
  allocation_id        = aws_eip.associated.id
  network_interface_id = aws_network_interface.app.id
}

resource "aws_eip" "on_instance" {
  domain   = "vpc"
  instance = aws_instance.plain.id
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_eip" "unused" {
  domain = "vpc"
}

resource "aws_nat_gateway" "egress" {
  subnet_id     = aws_subnet.shared.id
  allocation_id = aws_eip.nat.id
}

resource "aws_vpc_peering_connection" "cde_shared" {
  vpc_id      = aws_vpc.cde.id
  peer_vpc_id = aws_vpc.shared.id
}

resource "aws_vpc_peering_connection_accepter" "cde_shared" {
  vpc_peering_connection_id = aws_vpc_peering_connection.cde_shared.id
  auto_accept               = true
}

resource "aws_vpc_peering_connection_options" "cde_shared" {
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.cde_shared.id
  accepter {
    allow_remote_vpc_dns_resolution = true
  }
}

resource "aws_vpc_peering_connection" "cross_account" {
  vpc_id        = aws_vpc.cde.id
  peer_vpc_id   = "vpc-0aaaabbbbccccdddd"
  peer_owner_id = "111122223333"
}

resource "aws_vpc_peering_connection_accepter" "from_elsewhere" {
  vpc_peering_connection_id = "pcx-0123456789abcdef0"
  auto_accept               = true
}

resource "aws_egress_only_internet_gateway" "v6" {
  vpc_id = aws_vpc.cde.id
}

resource "aws_vpn_gateway" "onprem" {
}

resource "aws_vpn_gateway_attachment" "onprem" {
  vpc_id         = aws_vpc.cde.id
  vpn_gateway_id = aws_vpn_gateway.onprem.id
}

resource "aws_ec2_transit_gateway" "hub" {
}

resource "aws_ec2_transit_gateway_vpc_attachment" "cde" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.cde.id
  subnet_ids         = [aws_subnet.app.id, aws_subnet.data.id]

  transit_gateway_default_route_table_association = false
}

resource "aws_ec2_transit_gateway_vpc_attachment_accepter" "shared" {
  transit_gateway_attachment_id = "tgw-attach-0123456789abcdef0"

  transit_gateway_default_route_table_propagation = false
}

resource "aws_ec2_transit_gateway_route_table" "cde" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
}

resource "aws_ec2_transit_gateway_route_table_association" "cde" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.cde.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.cde.id
}

resource "aws_ec2_transit_gateway_route_table_propagation" "cde" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.cde.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.cde.id
}

resource "aws_ec2_transit_gateway_route" "to_cde" {
  destination_cidr_block         = "10.0.0.0/16"
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.cde.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway.hub.association_default_route_table_id
}

resource "aws_ec2_transit_gateway_route" "blackhole" {
  destination_cidr_block         = "10.9.0.0/16"
  blackhole                      = true
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.cde.id
}

resource "aws_route_table" "app" {
  vpc_id           = aws_vpc.cde.id
  propagating_vgws = [aws_vpn_gateway.onprem.id]
  route {
    cidr_block                = "10.1.0.0/16"
    vpc_peering_connection_id = aws_vpc_peering_connection_accepter.cde_shared.id
  }
  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = aws_egress_only_internet_gateway.v6.id
  }
}

resource "aws_route" "to_hub" {
  route_table_id         = aws_route_table.app.id
  destination_cidr_block = "10.8.0.0/16"
  transit_gateway_id     = aws_ec2_transit_gateway.hub.id
}

resource "aws_route" "to_office" {
  route_table_id             = aws_route_table.app.id
  destination_prefix_list_id = aws_ec2_managed_prefix_list.office.id
  gateway_id                 = aws_vpn_gateway_attachment.onprem.vpn_gateway_id
}

resource "aws_route" "to_appliance" {
  route_table_id         = aws_route_table.app.id
  destination_cidr_block = "0.0.0.0/0"
  network_interface_id   = aws_network_interface.app.id
}

resource "aws_vpn_gateway_route_propagation" "data" {
  route_table_id = aws_route_table.app.id
  vpn_gateway_id = aws_vpn_gateway.onprem.id
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.cde.id
  service_name = "com.amazonaws.eu-west-1.s3"
}

resource "aws_vpc_endpoint_route_table_association" "s3" {
  route_table_id  = aws_route_table.app.id
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
}

resource "aws_vpc_endpoint" "kms" {
  vpc_id              = aws_vpc.cde.id
  service_name        = "com.amazonaws.eu-west-1.kms"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.app.id]
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:Decrypt", Resource = "*" }]
  })
}

resource "aws_vpc_endpoint_subnet_association" "kms" {
  vpc_endpoint_id = aws_vpc_endpoint.kms.id
  subnet_id       = aws_subnet.data.id
}

resource "aws_vpc_endpoint_security_group_association" "kms" {
  vpc_endpoint_id   = aws_vpc_endpoint.kms.id
  security_group_id = aws_security_group.app.id
}

resource "aws_vpc_security_group_egress_rule" "to_s3" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = aws_vpc_endpoint.s3.prefix_list_id
}

resource "aws_lb" "nlb" {
  load_balancer_type = "network"
  subnet_mapping {
    subnet_id     = aws_subnet.shared.id
    allocation_id = aws_eip.unused.id
  }
}

resource "aws_lb_target_group" "app" {
  name     = "app"
  port     = 8443
  protocol = "TCP"
  vpc_id   = aws_vpc.cde.id
}

resource "aws_lb_target_group" "ips" {
  name        = "ips"
  port        = 443
  protocol    = "TCP"
  target_type = "ip"
  vpc_id      = aws_vpc.cde.id
}

resource "aws_lb_target_group_attachment" "app" {
  target_group_arn = aws_lb_target_group.app.arn
  target_id        = aws_instance.app.id
}

resource "aws_lb_target_group_attachment" "ip" {
  target_group_arn = aws_lb_target_group.ips.arn
  target_id        = "10.0.1.99"
  port             = 8443
}

resource "aws_lb_listener" "tcp" {
  load_balancer_arn = aws_lb.nlb.arn
  port              = 443
  protocol          = "TCP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_lb_listener" "weighted" {
  load_balancer_arn = aws_lb.nlb.arn
  port              = 8443
  protocol          = "TCP"
  default_action {
    type = "forward"
    forward {
      target_group {
        arn    = aws_lb_target_group.app.arn
        weight = 1
      }
      target_group {
        arn    = aws_lb_target_group.ips.arn
        weight = 1
      }
    }
  }
}

resource "aws_db_subnet_group" "data" {
  name       = "data"
  subnet_ids = [aws_subnet.data.id, aws_subnet.app.id]
}

resource "aws_cloudwatch_log_group" "dns" {
  name = "dns-queries"
}

resource "aws_route53_resolver_query_log_config" "cde" {
  name            = "cde"
  destination_arn = aws_cloudwatch_log_group.dns.arn
}

resource "aws_route53_resolver_query_log_config_association" "cde" {
  resolver_query_log_config_id = aws_route53_resolver_query_log_config.cde.id
  resource_id                  = aws_vpc.cde.id
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "arn:aws:ecs:eu-west-1:111122223333:cluster/main"
  task_definition = "api:1"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = [aws_subnet.app.id]
    security_groups = [aws_security_group.app.id]
  }
}

resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids         = [aws_subnet.app.id, aws_subnet.data.id]
    security_group_ids = [aws_security_group.extra.id]
  }
}

# Two inline routes to two peering connections: only the source tells which route names which.
resource "aws_vpc_peering_connection" "second" {
  vpc_id      = aws_vpc.cde.id
  peer_vpc_id = aws_vpc.shared.id
  auto_accept = true
}

resource "aws_route_table" "two_peerings" {
  vpc_id = aws_vpc.cde.id
  route {
    cidr_block                = "10.1.0.0/16"
    vpc_peering_connection_id = aws_vpc_peering_connection.cde_shared.id
  }
  route {
    cidr_block                = "10.1.5.0/24"
    vpc_peering_connection_id = aws_vpc_peering_connection.second.id
  }
  route {
    cidr_block                = "10.7.0.0/16"
    vpc_peering_connection_id = var.external_peering
  }
}

variable "external_peering" {
  type    = string
  default = "pcx-0123456789abcdef0"
}

# Inline rules naming two different groups: only the source tells which block names which.
resource "aws_security_group" "two_peers" {
  name   = "two-peers"
  vpc_id = aws_vpc.cde.id
  ingress {
    protocol        = "tcp"
    from_port       = 443
    to_port         = 443
    security_groups = [aws_security_group.app.id]
  }
  ingress {
    protocol        = "-1"
    from_port       = 0
    to_port         = 0
    security_groups = [aws_security_group.extra.id, aws_security_group.app.id]
  }
}
