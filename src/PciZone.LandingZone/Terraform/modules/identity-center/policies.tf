locals {
  p = var.partition

  # Actions that read stored data or secrets rather than configuration. Denied explicitly so that
  # a broader managed policy attached later cannot re-open them (PCI 7.2.6).
  data_reads = [
    "dynamodb:BatchGetItem",
    "dynamodb:GetItem",
    "dynamodb:GetRecords",
    "dynamodb:PartiQLSelect",
    "dynamodb:Query",
    "dynamodb:Scan",
    "logs:Unmask",
    "rds-data:ExecuteStatement",
    "rds-data:BatchExecuteStatement",
    "rds-db:connect",
    "secretsmanager:GetSecretValue",
  ]

  # Every IAM write; IAM reads stay possible through the read-only statements.
  iam_writes = [
    "iam:Add*",
    "iam:Attach*",
    "iam:Change*",
    "iam:Create*",
    "iam:Deactivate*",
    "iam:Delete*",
    "iam:Detach*",
    "iam:Enable*",
    "iam:PassRole",
    "iam:Put*",
    "iam:Remove*",
    "iam:Reset*",
    "iam:Resync*",
    "iam:Set*",
    "iam:Tag*",
    "iam:Untag*",
    "iam:Update*",
    "iam:Upload*",
  ]

  key_use = [
    "kms:CreateGrant",
    "kms:Decrypt",
    "kms:Encrypt",
    "kms:GenerateDataKey*",
    "kms:ReEncrypt*",
  ]

  # Session Manager may need a data key of the session-encryption key; all other keys are denied.
  # (Indexing a tuple, because a conditional cannot return objects of different shapes.)
  key_use_scope = [{ NotResource = var.session_kms_key_arns }, { Resource = "*" }][length(var.session_kms_key_arns) > 0 ? 0 : 1]

  cde_operator_statements = concat(
    [
      {
        Sid    = "ReadOperationalState"
        Effect = "Allow"
        Action = [
          "autoscaling:Describe*",
          "cloudwatch:Describe*",
          "cloudwatch:GetDashboard",
          "cloudwatch:GetMetricData",
          "cloudwatch:GetMetricStatistics",
          "cloudwatch:ListDashboards",
          "cloudwatch:ListMetrics",
          "ec2:Describe*",
          "elasticloadbalancing:Describe*",
          "logs:DescribeLogGroups",
          "logs:DescribeLogStreams",
          "logs:FilterLogEvents",
          "logs:GetLogEvents",
          "logs:GetQueryResults",
          "logs:StartQuery",
          "logs:StopQuery",
          "rds:Describe*",
          "rds:ListTagsForResource",
          "ssm:DescribeInstanceInformation",
          "ssm:DescribeSessions",
          "ssm:GetConnectionStatus",
        ]
        Resource = "*"
      },
      {
        # Interactive shells only through the logged Session Manager shell document.
        Sid    = "StartShellSessions"
        Effect = "Allow"
        Action = "ssm:StartSession"
        Resource = [
          "arn:${local.p}:ec2:*:*:instance/*",
          "arn:${local.p}:ssm:*:*:document/SSM-SessionManagerRunShell",
        ]
        Condition = { BoolIfExists = { "ssm:SessionDocumentAccessCheck" = "true" } }
      },
      {
        Sid       = "ManageOwnSessions"
        Effect    = "Allow"
        Action    = ["ssm:ResumeSession", "ssm:TerminateSession"]
        Resource  = "arn:${local.p}:ssm:*:*:session/*"
        Condition = { StringLike = { "ssm:resourceTag/aws:ssmmessages:session-id" = ["$${aws:userid}"] } }
      },
      {
        Sid      = "DenyIamWrites"
        Effect   = "Deny"
        Action   = local.iam_writes
        Resource = "*"
      },
      merge({
        Sid    = "DenyKeyUse"
        Effect = "Deny"
        Action = local.key_use
      }, local.key_use_scope),
      {
        Sid      = "DenyDataReadsAndRemoteCommands"
        Effect   = "Deny"
        Action   = concat(local.data_reads, ["s3:GetObject*", "ssm:SendCommand"])
        Resource = "*"
      },
    ],
    length(var.session_kms_key_arns) > 0 ? [{
      Sid      = "SessionEncryption"
      Effect   = "Allow"
      Action   = "kms:GenerateDataKey"
      Resource = var.session_kms_key_arns
    }] : [],
  )

  cde_operator_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = local.cde_operator_statements
  })

  auditor_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "DenyCardholderDataReads"
        Effect   = "Deny"
        Action   = concat(local.data_reads, ["kms:Decrypt", "ssm:SendCommand", "ssm:StartSession"])
        Resource = "*"
      },
    ]
  })
}
