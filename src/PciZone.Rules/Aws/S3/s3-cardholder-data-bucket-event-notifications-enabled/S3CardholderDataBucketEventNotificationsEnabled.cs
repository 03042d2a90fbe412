using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3CardholderDataBucketEventNotificationsEnabled : ResourceRule<S3Bucket>
{
    protected override bool AppliesTo(S3Bucket bucket, RuleContext context) =>
        bucket.Tags.TryGetValue(CdeTags.DataClass, out var dataClass) && dataClass == "cardholder-data";

    protected override Outcome Check(S3Bucket bucket, RuleContext context) =>
        Outcome.MustBeTrue(
            bucket.EventNotifications,
            "Cardholder-data bucket sends object events to a notification target.",
            "Cardholder-data bucket sends no event notifications: object changes raise no alert.");
}
