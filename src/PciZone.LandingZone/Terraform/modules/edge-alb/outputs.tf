output "alb_arn" {
  description = "ARN of the application load balancer."
  value       = aws_lb.this.arn
}

output "alb_dns_name" {
  description = "DNS name of the load balancer (alias target for domain_name)."
  value       = aws_lb.this.dns_name
}

output "alb_zone_id" {
  description = "Hosted zone of the load balancer, for Route 53 alias records."
  value       = aws_lb.this.zone_id
}

output "web_acl_arn" {
  description = "ARN of the WAFv2 web ACL associated with the load balancer."
  value       = aws_wafv2_web_acl.this.arn
}

output "certificate_arn" {
  description = "ARN of the validated ACM certificate used by the HTTPS listener."
  value       = aws_acm_certificate_validation.this.certificate_arn
}

output "certificate_validation_records" {
  description = "DNS records that validate the certificate (create them when route53_zone_id is null)."
  value = [for o in aws_acm_certificate.this.domain_validation_options : {
    name  = o.resource_record_name
    type  = o.resource_record_type
    value = o.resource_record_value
  }]
}

output "target_group_arn" {
  description = "ARN of the HTTPS target group to register application targets in."
  value       = aws_lb_target_group.this.arn
}

output "https_listener_arn" {
  description = "ARN of the HTTPS listener."
  value       = aws_lb_listener.https.arn
}

output "log_bucket_name" {
  description = "Name of the ALB access-log bucket."
  value       = aws_s3_bucket.logs.id
}

output "waf_log_group_name" {
  description = "Name of the WAF log group."
  value       = aws_cloudwatch_log_group.waf.name
}

output "backup_vault_arn" {
  description = "AWS Backup vault with the daily copies of the log buckets (null without backup_logs)."
  value       = one(aws_backup_vault.logs[*].arn)
}
