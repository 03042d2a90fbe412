# The payment API handles card numbers in transit: it is in the CDE (declared in ../.pcizone.yaml).
resource "aws_instance" "payment_api" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "m7i.large"
  subnet_id              = aws_subnet.app_a.id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = "payment-api"
  monitoring             = true

  metadata_options {
    http_tokens   = "required"
    http_endpoint = "enabled"
  }

  root_block_device {
    encrypted             = true
    delete_on_termination = true
  }

  tags = merge(local.tags, { Name = "${local.name}-api" })
}

resource "aws_lb_target_group_attachment" "api" {
  target_group_arn = aws_lb_target_group.api.arn
  target_id        = aws_instance.payment_api.id
  port             = 8443
}

# Operators' jump host in the public subnet (which assigns public addresses).
resource "aws_instance" "bastion" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public_a.id
  vpc_security_group_ids = [aws_security_group.bastion.id]
  monitoring             = true

  metadata_options {
    http_tokens   = "required"
    http_endpoint = "enabled"
  }

  root_block_device {
    encrypted             = true
    delete_on_termination = true
  }

  tags = merge(local.tags, { Name = "${local.name}-bastion" })
}
