locals {
  names = concat([var.domain_name], var.subject_alternative_names)
}

# PCI 4.2.1, 4.2.1.1: a publicly trusted certificate, renewed by ACM, recorded in certificate
# transparency logs; its inventory lives in ACM.
resource "aws_acm_certificate" "this" {
  domain_name               = var.domain_name
  subject_alternative_names = var.subject_alternative_names
  validation_method         = "DNS"
  key_algorithm             = "RSA_2048"

  options {
    certificate_transparency_logging_preference = "ENABLED"
  }

  tags = merge(var.tags, { Name = var.domain_name })

  lifecycle {
    create_before_destroy = true
  }
}

# PCI 4.2.1: DNS validation records, when the module may write to the hosted zone.
resource "aws_route53_record" "validation" {
  for_each = var.route53_zone_id == null ? toset([]) : toset(local.names)

  zone_id         = var.route53_zone_id
  allow_overwrite = true
  ttl             = 300
  name            = one([for o in aws_acm_certificate.this.domain_validation_options : o.resource_record_name if o.domain_name == each.key])
  type            = one([for o in aws_acm_certificate.this.domain_validation_options : o.resource_record_type if o.domain_name == each.key])
  records         = [one([for o in aws_acm_certificate.this.domain_validation_options : o.resource_record_value if o.domain_name == each.key])]
}

# PCI 4.2.1: the listener uses the certificate only once it is valid (issued).
resource "aws_acm_certificate_validation" "this" {
  certificate_arn         = aws_acm_certificate.this.arn
  validation_record_fqdns = var.route53_zone_id == null ? null : [for r in aws_route53_record.validation : r.fqdn]
}

# PCI 1.4.1, 1.4.2, 6.4.2, 10.2.1: the only internet-facing entry point. Invalid headers are dropped
# (6.2.4: request smuggling), deletion needs a deliberate change, every request is logged.
resource "aws_lb" "this" {
  name                       = var.name
  load_balancer_type         = "application"
  internal                   = false
  ip_address_type            = "ipv4"
  subnets                    = var.subnet_ids
  security_groups            = [var.security_group_id]
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  desync_mitigation_mode     = "defensive"
  enable_waf_fail_open       = false
  enable_http2               = true
  xff_header_processing_mode = "append"

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    prefix  = local.log_prefix
    enabled = true
  }

  # The one approved way in from the internet: pcizone scope treats it as a declared entry point.
  tags = merge(var.tags, { Name = var.name, "pcizone:entry-point" = "true" })

  # Log delivery is checked when access logs are turned on: the grant must exist first.
  depends_on = [aws_s3_bucket_policy.logs]
}

# PCI 4.2.1: cardholder data crosses the internet only over TLS 1.2+; browsers are told to
# insist on HTTPS (HSTS) and the server banner is not sent.
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = aws_acm_certificate_validation.this.certificate_arn

  routing_http_response_strict_transport_security_header_value = "max-age=31536000; includeSubDomains"
  routing_http_response_x_content_type_options_header_value    = "nosniff"
  routing_http_response_server_enabled                         = false

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }

  tags = var.tags
}

# PCI 4.2.1: plain HTTP serves nothing; it only redirects to HTTPS permanently.
resource "aws_lb_listener" "http_redirect" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }

  tags = var.tags
}

# PCI 4.2.1, 1.3.1: the ALB re-encrypts to the targets (HTTPS) inside the VPC.
resource "aws_lb_target_group" "this" {
  name                 = "${var.name}-tg"
  vpc_id               = var.vpc_id
  port                 = var.target_port
  protocol             = "HTTPS"
  protocol_version     = "HTTP1"
  target_type          = var.target_type
  deregistration_delay = 30

  health_check {
    enabled             = true
    protocol            = "HTTPS"
    path                = var.health_check_path
    matcher             = "200-399"
    interval            = 30
    timeout             = 5
    healthy_threshold   = 3
    unhealthy_threshold = 3
  }

  tags = merge(var.tags, { Name = "${var.name}-tg" })
}
