locals {
  # PCI 6.4.2: AWS managed rule groups against common web attacks, known-bad inputs and SQL injection.
  managed_rule_groups = [
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
  ]

  waf_metric = replace(var.name, "-", "")
}

# PCI 6.4.2, 6.4.1: an automated technical solution in front of the public web application that
# detects and blocks web attacks, continually updated by AWS.
resource "aws_wafv2_web_acl" "this" {
  name        = "${var.name}-waf"
  description = "Web application firewall of ${var.name} (PCI DSS 6.4.2)"
  scope       = "REGIONAL"

  default_action {
    allow {}
  }

  dynamic "rule" {
    for_each = local.managed_rule_groups
    content {
      name     = rule.value
      priority = rule.key * 10

      override_action {
        none {}
      }

      statement {
        managed_rule_group_statement {
          name        = rule.value
          vendor_name = "AWS"
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${local.waf_metric}-${rule.value}"
        sampled_requests_enabled   = true
      }
    }
  }

  dynamic "rule" {
    for_each = var.rate_limit == null ? [] : [var.rate_limit]
    content {
      name     = "RateLimitPerIp"
      priority = 100

      action {
        block {}
      }

      statement {
        rate_based_statement {
          limit              = rule.value
          aggregate_key_type = "IP"
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${local.waf_metric}-RateLimitPerIp"
        sampled_requests_enabled   = true
      }
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${local.waf_metric}-waf"
    sampled_requests_enabled   = true
  }

  tags = merge(var.tags, { Name = "${var.name}-waf" })
}

# PCI 6.4.2: every request to the load balancer passes the web ACL.
resource "aws_wafv2_web_acl_association" "this" {
  resource_arn = aws_lb.this.arn
  web_acl_arn  = aws_wafv2_web_acl.this.arn
}

# PCI 10.2.1, 10.3.2, 10.5.1: WAF decisions kept at least a year, encrypted with a customer managed key.
# WAF delivers only to log groups whose name starts with aws-waf-logs-.
resource "aws_cloudwatch_log_group" "waf" {
  name              = "aws-waf-logs-${var.name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.waf_log_kms_key_arn

  tags = var.tags
}

# PCI 10.2.1, 10.2.2, 3.3.1: log every request decision; credentials and session cookies are redacted
# so the audit log does not become a store of authentication data.
resource "aws_wafv2_web_acl_logging_configuration" "this" {
  resource_arn            = aws_wafv2_web_acl.this.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]

  redacted_fields {
    single_header {
      name = "authorization"
    }
  }

  redacted_fields {
    single_header {
      name = "cookie"
    }
  }
}
