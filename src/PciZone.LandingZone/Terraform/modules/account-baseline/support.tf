locals {
  # Identity Center creates one role per permission set and account, named
  # aws-reserved/sso.amazonaws.com[/<region>]/AWSReservedSSO_<permission set>_<hash>.
  support_principal_patterns = [
    for ps in var.support_role_permission_sets :
    "arn:${var.partition}:iam::${var.account_id}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_${ps}_*"
  ]
}

# PCI 12.10.1, 12.10.3, 7.2.1, 7.2.2: incident responders can open and follow AWS Support cases at
# once, without the root user or broader administration. Only the account's Identity Center roles of
# the named permission sets (people who signed in with MFA at the identity source) may assume it.
# IAM is global, so only the home region creates it.
resource "aws_iam_role" "support" {
  count = var.is_home_region && length(var.support_role_permission_sets) > 0 ? 1 : 0

  name                 = var.support_role_name
  description          = "AWS Support cases during incidents (PCI DSS 12.10.1); assumed from Identity Center roles only."
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "IncidentRespondersFromIdentityCenter"
        Effect    = "Allow"
        Principal = { AWS = "arn:${var.partition}:iam::${var.account_id}:root" }
        Action    = "sts:AssumeRole"
        Condition = { ArnLike = { "aws:PrincipalArn" = local.support_principal_patterns } }
      },
    ]
  })
  tags = var.tags
}

# PCI 12.10.1, 7.2.2: the AWS managed AWSSupportAccess (support:* only) and nothing else.
resource "aws_iam_role_policy_attachment" "support" {
  count = length(aws_iam_role.support)

  role       = aws_iam_role.support[0].name
  policy_arn = "arn:${var.partition}:iam::aws:policy/AWSSupportAccess"
}
