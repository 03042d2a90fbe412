using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>EBS volume attachments from a CloudFormation template, joined into their volumes.</summary>
internal sealed class ComputeVolumeAttachmentCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry) =>
        registry.Companion("AWS::EC2::VolumeAttachment", (r, e) =>
            e.Join<EbsVolume>(r, r.Ref("VolumeId"), v => v with { Attachments = [.. v.Attachments, r.Ref("InstanceId")] }));
}
