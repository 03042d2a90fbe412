resource "aws_sns_topic" "alerts" {
  name              = "${local.name}-security-alerts"
  kms_master_key_id = aws_kms_key.audit.arn
}

resource "aws_sqs_queue" "settlements" {
  name                       = "${local.name}-settlements"
  kms_master_key_id          = aws_kms_key.card_data.arn
  visibility_timeout_seconds = 60
}
