# Route 53 Resolver query logging: the DNS queries of every instance in the VPC, delivered like the
# flow log to the central log archive (log delivery writes under AWSLogs/<account>/vpcdnsquerylogs/).

# PCI 10.2.1, 10.2.2, 10.3.3, 11.5.1: DNS queries (command-and-control lookups, DNS tunnelling) are
# recorded and kept in the write-protected archive.
resource "aws_route53_resolver_query_log_config" "this" {
  count = var.dns_query_logging ? 1 : 0

  name            = "${var.name}-dns-queries"
  destination_arn = var.flow_log_bucket_arn

  tags = merge(local.common_tags, { Name = "${var.name}-dns-queries" })
}

# PCI 10.2.1, 11.5.1: the configuration logs this VPC.
resource "aws_route53_resolver_query_log_config_association" "this" {
  count = var.dns_query_logging ? 1 : 0

  resolver_query_log_config_id = aws_route53_resolver_query_log_config.this[0].id
  resource_id                  = aws_vpc.this.id
}
