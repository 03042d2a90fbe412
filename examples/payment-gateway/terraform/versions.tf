# A small card-payment gateway on AWS with deliberate PCI DSS gaps, for `pcizone scan`.
# Each gap is marked "GAP:" so that the scan output can be checked against the source.
# The provider is configured by scripts/plan-example.sh when planning offline.
terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

locals {
  name = "paygw"
  tags = { Application = "payment-gateway", DataClass = "cde" }
}
