locals {
  # The account comes from the caller when given; otherwise from the detector (known after apply).
  security_account_id  = var.account_id != null ? var.account_id : aws_guardduty_detector.this.account_id
  security_account     = "arn:${var.partition}:iam::${local.security_account_id}:root"
  findings_topic_name  = "pcizone-security-findings"
  findings_topic_arn   = "arn:${var.partition}:sns:${var.region}:${local.security_account_id}:${local.findings_topic_name}"
  findings_rule_name   = "pcizone-guardduty-high-severity"
  findings_rule_arn    = "arn:${var.partition}:events:${var.region}:${local.security_account_id}:rule/${local.findings_rule_name}"
  findings_key_actions = ["kms:Decrypt", "kms:GenerateDataKey*"]
  key_admin_actions = [
    "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey", "kms:DisableKey",
    "kms:EnableKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus",
    "kms:ListGrants", "kms:ListKeyPolicies", "kms:ListKeyRotations", "kms:ListResourceTags",
    "kms:PutKeyPolicy", "kms:RevokeGrant", "kms:RotateKeyOnDemand", "kms:ScheduleKeyDeletion",
    "kms:TagResource", "kms:UntagResource", "kms:UpdateAlias", "kms:UpdateKeyDescription",
  ]
}

# PCI 3.6.1, 3.7.4: key of the findings topic, rotated yearly; EventBridge may encrypt for the topic.
resource "aws_kms_key" "findings" {
  description             = "Security findings topic of the delegated admin account in ${var.region} (PciZone landing zone)"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = 30
  is_enabled              = true
  key_usage               = "ENCRYPT_DECRYPT"
  tags                    = var.tags

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # PCI 3.6.1: the account administers the key (through IAM) without using it.
        Sid       = "KeyAdministrationBySecurityAccount"
        Effect    = "Allow"
        Principal = { AWS = local.security_account }
        Action    = local.key_admin_actions
        Resource  = "*"
      },
      {
        # PCI 12.10.5: EventBridge publishes findings to the encrypted topic. AWS documents this grant
        # without conditions; the topic policy pins publishing to the findings rule.
        Sid       = "EventBridgePublishesToEncryptedTopic"
        Effect    = "Allow"
        Principal = { Service = "events.amazonaws.com" }
        Action    = local.findings_key_actions
        Resource  = "*"
      },
      {
        # PCI 10.4.1: principals of the account (as IAM allows) read and publish through SNS only.
        Sid       = "AccountUseThroughSns"
        Effect    = "Allow"
        Principal = { AWS = local.security_account }
        Action    = local.findings_key_actions
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:CallerAccount" = local.security_account_id
            "kms:ViaService"    = "sns.${var.region}.amazonaws.com"
          }
        }
      },
    ]
  })
}

# PCI 3.6.1: a stable, reviewable name for the key in the key inventory.
resource "aws_kms_alias" "findings" {
  name          = "alias/pcizone/security-findings"
  target_key_id = aws_kms_key.findings.key_id
}

# PCI 10.4.1, 12.10.5, A3.5.1: high and critical findings reach the incident responders, who subscribe
# to this topic (e-mail, paging or ticketing).
resource "aws_sns_topic" "findings" {
  name              = local.findings_topic_name
  display_name      = "PCI security findings"
  kms_master_key_id = aws_kms_key.findings.arn
  tags              = var.tags

  # PCI 10.7.2: delivery status to HTTP(S) endpoints is logged (see aws_iam_role.sns_delivery_status).
  http_success_feedback_role_arn    = aws_iam_role.sns_delivery_status.arn
  http_failure_feedback_role_arn    = aws_iam_role.sns_delivery_status.arn
  http_success_feedback_sample_rate = 100
}

# PCI 7.2.1: only the findings rule publishes; the account owns the topic.
resource "aws_sns_topic_policy" "findings" {
  arn = aws_sns_topic.findings.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountOwnerManagesTopic"
        Effect    = "Allow"
        Principal = { AWS = local.security_account }
        Action = [
          "sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:AddPermission", "sns:RemovePermission",
          "sns:DeleteTopic", "sns:Subscribe", "sns:ListSubscriptionsByTopic",
        ]
        Resource = local.findings_topic_arn
      },
      {
        Sid       = "FindingsRulePublishes"
        Effect    = "Allow"
        Principal = { Service = "events.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = local.findings_topic_arn
        Condition = {
          ArnEquals = { "aws:SourceArn" = local.findings_rule_arn }
        }
      },
    ]
  })
}

# PCI 10.4.1, 12.10.5: every GuardDuty finding of high (7.0-8.9) or critical (9.0+) severity of the
# organisation in this region, as the delegated administrator receives them.
resource "aws_cloudwatch_event_rule" "guardduty_high" {
  name        = local.findings_rule_name
  description = "GuardDuty findings of severity 7 and above (PCI 12.10.5)."
  tags        = var.tags

  event_pattern = jsonencode({
    source        = ["aws.guardduty"]
    "detail-type" = ["GuardDuty Finding"]
    detail        = { severity = [{ numeric = [">=", 7] }] }
  })
}

# PCI 12.10.5: the rule delivers the findings to the responders' topic.
resource "aws_cloudwatch_event_target" "guardduty_high" {
  rule      = aws_cloudwatch_event_rule.guardduty_high.name
  target_id = "security-findings-topic"
  arn       = aws_sns_topic.findings.arn

  depends_on = [aws_sns_topic_policy.findings]
}

# PCI 10.7.2: SNS records in CloudWatch Logs whether each finding reached its HTTP(S) endpoint (paging,
# ticketing), so a failed delivery leaves a trace. Assumable by SNS for this organisation only.
resource "aws_iam_role" "sns_delivery_status" {
  name        = "pcizone-security-findings-delivery-status-${var.region}"
  description = "SNS delivery status logging of the security findings topic in ${var.region}"
  tags        = var.tags

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "sns.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = { StringEquals = { (local.aggregator_source_key) = local.aggregator_source_value } }
      },
    ]
  })
}

# PCI 7.2.5: the role writes the delivery status logs of the findings topic only.
resource "aws_iam_role_policy" "sns_delivery_status" {
  name = "write-sns-delivery-status"
  role = aws_iam_role.sns_delivery_status.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:PutMetricFilter", "logs:PutRetentionPolicy"]
        Resource = "arn:${var.partition}:logs:${var.region}:*:log-group:sns/${var.region}/*/${local.findings_topic_name}*"
      },
    ]
  })
}
