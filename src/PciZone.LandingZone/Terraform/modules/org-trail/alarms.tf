# Metric filters and alarms on the trail's CloudWatch Logs copy for the events PCI DSS 10.2.1.x names
# (patterns follow the CIS AWS Foundations Benchmark monitoring section).
locals {
  security_events = {
    root-account-usage = {
      description  = "The root user signed in or called an API (PCI 10.2.1.2, 8.2.2)."
      requirements = ["10.2.1.2", "8.2.2"]
      pattern      = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"
    }
    console-login-failures = {
      description  = "Failed console sign-in (PCI 10.2.1.4)."
      requirements = ["10.2.1.4"]
      pattern      = "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }"
    }
    console-login-without-mfa = {
      description  = "Successful IAM user console sign-in without MFA (PCI 8.4.1, 10.2.1.2)."
      requirements = ["8.4.1", "8.4.2", "10.2.1.2"]
      pattern      = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }"
    }
    iam-policy-changes = {
      description  = "IAM policy created, changed, attached or detached (PCI 10.2.1.5)."
      requirements = ["10.2.1.5", "7.2.2"]
      pattern      = "{ ($.eventSource = iam.amazonaws.com) && (($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicyVersion) || ($.eventName = SetDefaultPolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ($.eventName = DetachGroupPolicy)) }"
    }
    cloudtrail-config-changes = {
      description  = "A trail was created, changed, stopped, started or deleted (PCI 10.2.1.6)."
      requirements = ["10.2.1.6", "10.7.2"]
      pattern      = "{ ($.eventSource = cloudtrail.amazonaws.com) && (($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) || ($.eventName = PutEventSelectors)) }"
    }
    kms-key-disable-or-deletion = {
      description  = "A KMS key was disabled or scheduled for deletion (PCI 3.6.1, 10.2.1.7)."
      requirements = ["3.6.1", "3.7.5", "10.2.1.7"]
      pattern      = "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }"
    }
    s3-bucket-policy-changes = {
      description  = "S3 bucket policy, ACL, public access block, CORS, lifecycle or replication changed (PCI 10.2.1.7)."
      requirements = ["10.2.1.7", "1.4.4"]
      pattern      = "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = DeleteBucketPolicy) || ($.eventName = PutBucketPublicAccessBlock) || ($.eventName = DeleteBucketPublicAccessBlock) || ($.eventName = PutBucketCors) || ($.eventName = DeleteBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketReplication)) }"
    }
    config-changes = {
      description  = "AWS Config recorder or delivery channel stopped or changed (PCI 10.2.1.6, 10.7.2)."
      requirements = ["10.2.1.6", "10.7.2"]
      pattern      = "{ ($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) || ($.eventName = PutConfigurationRecorder) || ($.eventName = DeleteConfigurationRecorder)) }"
    }
    security-group-changes = {
      description  = "A security group or its rules changed (PCI 1.2.2, 10.2.1.7)."
      requirements = ["1.2.2", "10.2.1.7"]
      pattern      = "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = ModifySecurityGroupRules) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }"
    }
    nacl-changes = {
      description  = "A network ACL or its entries changed (PCI 1.2.2, 10.2.1.7)."
      requirements = ["1.2.2", "10.2.1.7"]
      pattern      = "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }"
    }
    network-gateway-changes = {
      description  = "An internet, NAT, customer or transit gateway changed (PCI 1.2.2, 10.2.1.7)."
      requirements = ["1.2.2", "10.2.1.7"]
      pattern      = "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) || ($.eventName = CreateNatGateway) || ($.eventName = DeleteNatGateway) || ($.eventName = CreateTransitGateway) || ($.eventName = DeleteTransitGateway) || ($.eventName = CreateTransitGatewayVpcAttachment) }"
    }
    route-table-changes = {
      description  = "A route table or route changed (PCI 1.2.2, 10.2.1.7)."
      requirements = ["1.2.2", "10.2.1.7"]
      pattern      = "{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }"
    }
    vpc-changes = {
      description  = "A VPC or VPC peering changed (PCI 1.2.2, 10.2.1.7)."
      requirements = ["1.2.2", "10.2.1.7"]
      pattern      = "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) }"
    }
    unauthorized-api-calls = {
      description  = "API calls refused for lack of permission (PCI 10.2.1.4)."
      requirements = ["10.2.1.4"]
      pattern      = "{ (($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\")) && ($.sourceIPAddress != \"delivery.logs.amazonaws.com\") && ($.eventName != \"HeadBucket\") }"
    }
    security-controls-stopped = {
      description  = "GuardDuty, Security Hub, Config, CloudTrail or WAF logging was stopped, deleted or disassociated (PCI 10.7.1, 10.7.2)."
      requirements = ["10.7.1", "10.7.2", "10.7.3"]
      pattern      = "{ ($.eventName = DeleteDetector) || ($.eventName = DisassociateFromAdministratorAccount) || ($.eventName = DisassociateFromMasterAccount) || ($.eventName = DisableSecurityHub) || ($.eventName = BatchDisableStandards) || ($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = StopLogging) || ($.eventName = DeleteTrail) || ($.eventName = DeleteLoggingConfiguration) }"
    }
    organizations-changes = {
      description  = "AWS Organizations structure, accounts or policies changed (PCI 10.2.1.5, 10.2.1.7)."
      requirements = ["10.2.1.5", "10.2.1.7"]
      pattern      = "{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = AcceptHandshake) || ($.eventName = AttachPolicy) || ($.eventName = CreateAccount) || ($.eventName = CreateOrganizationalUnit) || ($.eventName = CreatePolicy) || ($.eventName = DeclineHandshake) || ($.eventName = DeleteOrganization) || ($.eventName = DeleteOrganizationalUnit) || ($.eventName = DeletePolicy) || ($.eventName = DetachPolicy) || ($.eventName = DisablePolicyType) || ($.eventName = EnablePolicyType) || ($.eventName = InviteAccountToOrganization) || ($.eventName = LeaveOrganization) || ($.eventName = MoveAccount) || ($.eventName = RemoveAccountFromOrganization) || ($.eventName = UpdatePolicy) || ($.eventName = UpdateOrganizationalUnit)) }"
    }
  }
}

# PCI 10.2.1.x (per event, see local.security_events), 10.4.1.1: automated review of the trail.
resource "aws_cloudwatch_log_metric_filter" "security" {
  for_each = local.security_events

  name           = "${var.trail_name}-${each.key}"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = each.value.pattern

  metric_transformation {
    name          = each.key
    namespace     = var.metric_namespace
    value         = "1"
    default_value = "0"
    unit          = "Count"
  }
}

# PCI 10.4.1, 10.4.1.1, 10.7.2, 12.10.5: any occurrence in five minutes alarms the security topic.
resource "aws_cloudwatch_metric_alarm" "security" {
  for_each = local.security_events

  alarm_name          = "${var.trail_name}-${each.key}"
  alarm_description   = "${each.value.description} Source: organisation trail ${var.trail_name}."
  namespace           = var.metric_namespace
  metric_name         = aws_cloudwatch_log_metric_filter.security[each.key].metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}
