namespace PciZone.Monitoring.Aws;

/// <summary>Which S3 keys are CloudTrail log files worth reading.</summary>
internal static class CloudTrailKeys
{
    /// <summary>Null when the key is a CloudTrail log file; otherwise why it is skipped.</summary>
    public static string? SkipReason(string key)
    {
        // CloudTrail writes digests next to the logs (AWSLogs/<acct>/CloudTrail-Digest/...); they hold
        // hashes, not events, so reading them would only produce NotCloudTrail noise.
        if (key.Contains("/CloudTrail-Digest/", StringComparison.Ordinal))
        {
            return "CloudTrail digest file";
        }

        // A trail may deliver under an optional prefix: [prefix/]AWSLogs/<account>/CloudTrail/...
        if (!key.StartsWith("AWSLogs/", StringComparison.Ordinal)
            && !key.Contains("/AWSLogs/", StringComparison.Ordinal))
        {
            return "not under AWSLogs/";
        }

        return null;
    }
}
