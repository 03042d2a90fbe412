resource "aws_guardduty_detector" "main" {
  enable = true
}

resource "aws_securityhub_account" "main" {}

# GAP: only the retired PCI DSS v3.2.1 standard is enabled, not v4.0.1.
resource "aws_securityhub_standards_subscription" "pci_321" {
  standards_arn = "arn:aws:securityhub:eu-west-1::standards/pci-dss/v/3.2.1"
  depends_on    = [aws_securityhub_account.main]
}
