locals {
  managed_policy = "arn:${var.partition}:iam::aws:policy"

  permission_sets = {
    administrator = {
      name        = "${var.permission_set_name_prefix}Administrator"
      description = "Full administration of the account; assigned only to named administrators."
      duration    = var.session_duration
      managed     = ["${local.managed_policy}/AdministratorAccess"]
    }
    auditor = {
      name        = "${var.permission_set_name_prefix}Auditor"
      description = "Read-only configuration and security review; no cardholder-data reads."
      duration    = var.session_duration
      managed     = ["${local.managed_policy}/ReadOnlyAccess", "${local.managed_policy}/SecurityAudit"]
    }
    cde-operator = {
      name        = "${var.permission_set_name_prefix}CdeOperator"
      description = "CDE day-to-day operation: read EC2/RDS/ELB/CloudWatch, Session Manager shells; no IAM writes, no key use, no data reads."
      duration    = var.session_duration
      managed     = []
    }
    break-glass = {
      name        = "${var.permission_set_name_prefix}BreakGlass"
      description = "Emergency administration only; every use is an incident with a review record."
      duration    = var.break_glass_session_duration
      managed     = ["${local.managed_policy}/AdministratorAccess"]
    }
  }

  managed_attachments = merge([
    for ps_key, ps in local.permission_sets : {
      for arn in ps.managed : "${ps_key}/${element(split("/", arn), length(split("/", arn)) - 1)}" => {
        permission_set = ps_key
        policy_arn     = arn
      }
    }
  ]...)

  assignments = merge([
    for g_key, g in var.groups : {
      # Keyed by account key, not id: ids of accounts created in the same plan are unknown until apply.
      for account_key, account_id in g.accounts : "${g_key}/${account_key}" => {
        group          = g_key
        permission_set = g.permission_set
        account_id     = account_id
      }
    }
  ]...)
}

# PCI 7.2.1, 7.2.2, 7.3.2: access is defined by job function (administrator, auditor,
# cde-operator, break-glass) with short sessions; PCI 8.2.8 is backed by the one-hour default.
resource "aws_ssoadmin_permission_set" "this" {
  for_each = local.permission_sets

  instance_arn     = var.instance_arn
  name             = each.value.name
  description      = each.value.description
  session_duration = each.value.duration
  tags             = merge(var.tags, { "pcizone:permission-set" = each.key })
}

# PCI 7.2.1, 7.2.2: each job function gets only the AWS managed policies its role needs
# (AdministratorAccess for administrators and break-glass, ReadOnly + SecurityAudit for auditors).
resource "aws_ssoadmin_managed_policy_attachment" "this" {
  for_each = local.managed_attachments

  instance_arn       = var.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.this[each.value.permission_set].arn
  managed_policy_arn = each.value.policy_arn
}

# PCI 7.2.2, 7.2.6, 3.5.1: CDE operators run the estate without reading cardholder data, using
# encryption keys or changing IAM (see policies.tf).
resource "aws_ssoadmin_permission_set_inline_policy" "cde_operator" {
  instance_arn       = var.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.this["cde-operator"].arn
  inline_policy      = local.cde_operator_policy
}

# PCI 7.2.6, 7.2.2: ReadOnlyAccess would let auditors read stored data; an explicit deny keeps
# the auditor role on configuration and evidence.
resource "aws_ssoadmin_permission_set_inline_policy" "auditor" {
  instance_arn       = var.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.this["auditor"].arn
  inline_policy      = local.auditor_policy
}

# PCI 8.2.1, 7.2.3: access is granted to identity-store groups, never to shared users, so each
# person signs in with a unique ID and membership changes are recorded.
resource "aws_identitystore_group" "this" {
  for_each = var.groups

  identity_store_id = var.identity_store_id
  display_name      = each.value.display_name
  description       = each.value.description
}

# PCI 7.2.2, 7.3.1, 7.3.3: a group gets its one permission set only in the accounts listed for it;
# every other account is denied by default.
resource "aws_ssoadmin_account_assignment" "this" {
  for_each = local.assignments

  instance_arn       = var.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.this[each.value.permission_set].arn
  principal_id       = aws_identitystore_group.this[each.value.group].group_id
  principal_type     = "GROUP"
  target_id          = each.value.account_id
  target_type        = "AWS_ACCOUNT"

  # Policies must be in place before anyone can sign in with the permission set.
  depends_on = [
    aws_ssoadmin_managed_policy_attachment.this,
    aws_ssoadmin_permission_set_inline_policy.cde_operator,
    aws_ssoadmin_permission_set_inline_policy.auditor,
  ]
}
