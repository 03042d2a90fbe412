using PciZone.Estate;

namespace PciZone.Rules.Aws.SSM;

internal sealed class SsmSessionLogsEncrypted : SessionPreferencesRule
{
    protected override Outcome Check(SessionManagerPreferences p)
    {
        Value<string?>[] values = [p.S3Bucket, p.LogGroup, p.KmsKeyId];
        // The default of a Value<T> is Unknown, so look for an unknown by index, not with FirstOrDefault.
        var at = Array.FindIndex(values, v => v.IsUnknown);
        if (at >= 0)
        {
            var unknown = values[at];
            return Outcome.Unknown($"A session preference is unknown: {unknown.UnknownReason}.", unknown.Source);
        }

        var gaps = new List<string>();
        var toS3 = p.S3Bucket.Get() is not null;
        var toLogs = p.LogGroup.Get() is not null;
        if (!toS3 && !toLogs)
        {
            gaps.Add("sessions are logged neither to S3 nor to CloudWatch Logs");
        }

        if (toS3 && !p.S3EncryptionEnabled.GetOrDefault(true))
        {
            gaps.Add("S3 session logs may go to an unencrypted bucket (s3EncryptionEnabled false)");
        }

        if (toLogs && !p.CloudWatchEncryptionEnabled.GetOrDefault(true))
        {
            gaps.Add("CloudWatch session logs may go to an unencrypted log group (cloudWatchEncryptionEnabled false)");
        }

        if (p.KmsKeyId.Get() is null)
        {
            gaps.Add("session data is not encrypted with a KMS key (no kmsKeyId)");
        }

        return gaps.Count == 0
            ? Outcome.Pass($"Sessions are logged to {(toS3 ? "S3" : "")}{(toS3 && toLogs ? " and " : "")}{(toLogs ? "CloudWatch Logs" : "")} with encryption, and session data is encrypted with {p.KmsKeyId.Get()}.")
            : Outcome.Fail($"Session Manager preferences fall short: {string.Join("; ", gaps)}.");
    }
}
