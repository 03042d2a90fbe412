resource "aws_vpc" "main" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = merge(local.tags, { Name = "${local.name}-vpc" })
}

# GAP: no aws_flow_log for the VPC, so traffic to and from the CDE is not recorded.

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_subnet" "public_a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.20.0.0/24"
  availability_zone       = "eu-west-1a"
  map_public_ip_on_launch = true
  tags                    = { Name = "${local.name}-public-a", Tier = "public" }
}

resource "aws_subnet" "public_b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "eu-west-1b"
  tags              = { Name = "${local.name}-public-b", Tier = "public" }
}

resource "aws_subnet" "app_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.10.0/24"
  availability_zone = "eu-west-1a"
  tags              = { Name = "${local.name}-app-a", Tier = "app" }
}

resource "aws_subnet" "cde_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.20.0/24"
  availability_zone = "eu-west-1a"
  tags              = { Name = "${local.name}-cde-a", Tier = "cde" }
}

resource "aws_subnet" "cde_b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.21.0/24"
  availability_zone = "eu-west-1b"
  tags              = { Name = "${local.name}-cde-b", Tier = "cde" }
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table_association" "public_a" {
  subnet_id      = aws_subnet.public_a.id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table_association" "public_b" {
  subnet_id      = aws_subnet.public_b.id
  route_table_id = aws_route_table.public.id
}

# The CDE subnets use a route table with no route to the internet.
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "cde_a" {
  subnet_id      = aws_subnet.cde_a.id
  route_table_id = aws_route_table.private.id
}

resource "aws_route_table_association" "cde_b" {
  subnet_id      = aws_subnet.cde_b.id
  route_table_id = aws_route_table.private.id
}
