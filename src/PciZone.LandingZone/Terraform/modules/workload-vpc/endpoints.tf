locals {
  # PCI 1.3.2, 1.4.2: with an organisation ID, endpoints serve only the organisation's principals, so
  # stolen credentials of another account cannot be used to move data out through them.
  endpoint_policy = var.organization_id == null ? null : jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "OrganizationPrincipalsOnly"
      Effect    = "Allow"
      Principal = "*"
      Action    = "*"
      Resource  = "*"
      Condition = {
        StringEquals = { "aws:PrincipalOrgID" = var.organization_id }
      }
    }]
  })
}

# PCI 1.3.2, 1.4.1: S3 without an internet path; its route is added to the app and data tables only.
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.this["app"].id, aws_route_table.this["data"].id]
  policy            = local.endpoint_policy

  tags = merge(local.common_tags, { Name = "${var.name}-s3" })
}

# PCI 1.3.2, 1.4.1, 4.2.1: AWS APIs (KMS, STS, CloudWatch Logs ...) over private addresses and TLS,
# reachable only through the endpoints security group (443 from the VPC).
resource "aws_vpc_endpoint" "interface" {
  for_each = toset(var.interface_endpoints)

  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [for k, s in local.subnets : aws_subnet.this[k].id if s.tier == "app"]
  security_group_ids  = [aws_security_group.this["endpoints"].id]
  policy              = local.endpoint_policy

  tags = merge(local.common_tags, { Name = "${var.name}-${each.key}" })
}
