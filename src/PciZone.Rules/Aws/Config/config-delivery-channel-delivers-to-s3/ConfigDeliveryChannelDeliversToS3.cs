using PciZone.Estate;
using PciZone.Rules.Aws.S3;

namespace PciZone.Rules.Aws.Config;

internal sealed class ConfigDeliveryChannelDeliversToS3 : ResourceRule<ConfigDeliveryChannel>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(ConfigDeliveryChannel), typeof(S3Bucket)];

    protected override Outcome Check(ConfigDeliveryChannel channel, RuleContext context)
    {
        if (channel.S3Bucket.IsUnknown)
        {
            return Outcome.Unknown($"Destination bucket is unknown: {channel.S3Bucket.UnknownReason}.", channel.S3Bucket.Source);
        }

        var target = channel.S3Bucket.Get();
        if (target is null || (target.Address is null && string.IsNullOrWhiteSpace(target.Literal)))
        {
            return Outcome.Fail("Config delivery channel names no S3 bucket, so configuration history and snapshots are not kept.", channel.S3Bucket.Source);
        }

        return S3Buckets.Resolve(context.Estate, channel.S3Bucket) is { } bucket
            ? Outcome.Pass($"Config delivery channel delivers to bucket {bucket.Address}.")
            : Outcome.Pass($"Config delivery channel delivers to bucket {target}.");
    }
}
