locals {
  # AWS creates this role name for config.amazonaws.com; the recorder must use the service-linked
  # role so that member accounts cannot weaken its permissions.
  config_role_arn = "arn:${var.partition}:iam::${var.account_id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"
}

# PCI 10.2.1, 12.5.1: AWS Config needs its service-linked role; it is global, so only the home
# region creates it.
resource "aws_iam_service_linked_role" "config" {
  count = var.is_home_region && var.create_config_service_linked_role ? 1 : 0

  aws_service_name = "config.amazonaws.com"
  tags             = var.tags
}

# PCI 10.2.1, 10.2.1.7, 12.5.1, 11.5.2: record every supported resource type continuously so that
# creation, change and deletion of system components is logged and the inventory is current.
# Global IAM types are recorded in every region. AWS suggests one region to avoid duplicate
# configuration items; the duplicates cost money, a region without them costs evidence: a scanner or
# an assessor looking at one region's recorder alone cannot tell that another region covers IAM.
resource "aws_config_configuration_recorder" "this" {
  name     = var.config_recorder_name
  role_arn = local.config_role_arn

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }

  recording_mode {
    recording_frequency = "CONTINUOUS"
  }

  depends_on = [aws_iam_service_linked_role.config]
}

# PCI 10.3.3, 10.5.1, 10.3.2: configuration history goes straight to the central log-archive
# bucket (Object Lock, retention), encrypted with the log-archive KMS key.
resource "aws_config_delivery_channel" "this" {
  name           = var.config_recorder_name
  s3_bucket_name = var.config_bucket_name
  s3_key_prefix  = var.config_s3_prefix == "" ? null : var.config_s3_prefix
  s3_kms_key_arn = var.config_kms_key_arn

  snapshot_delivery_properties {
    delivery_frequency = var.config_snapshot_frequency
  }

  depends_on = [aws_config_configuration_recorder.this]
}

# PCI 10.2.1, 10.7.2: a recorder is created stopped; this switches it on.
resource "aws_config_configuration_recorder_status" "this" {
  name       = aws_config_configuration_recorder.this.name
  is_enabled = true

  depends_on = [aws_config_delivery_channel.this]
}
