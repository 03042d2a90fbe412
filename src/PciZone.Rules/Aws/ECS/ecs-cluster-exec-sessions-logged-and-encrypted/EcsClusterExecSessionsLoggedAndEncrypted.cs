using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

internal sealed class EcsClusterExecSessionsLoggedAndEncrypted : ResourceRule<EcsCluster>
{
    protected override Outcome Check(EcsCluster c, RuleContext context)
    {
        if (c.ExecuteCommandLogging.IsUnknown)
        {
            return Outcome.Unknown($"ECS Exec logging is unknown: {c.ExecuteCommandLogging.UnknownReason}.", c.ExecuteCommandLogging.Source);
        }

        var logging = c.ExecuteCommandLogging.Get();
        if (logging != "OVERRIDE")
        {
            return Outcome.Fail(
                logging == "NONE"
                    ? "ECS Exec sessions are not logged (logging NONE)."
                    : "ECS Exec logging is DEFAULT: sessions are logged only if each task happens to use the awslogs driver, with no encryption enforced.",
                c.ExecuteCommandLogging.Source);
        }

        var faults = new List<string>();
        var unknowns = new List<string>();
        var destinations = 0;
        Destination(c.ExecuteCommandLogGroup, c.ExecuteCommandLogGroupEncryption, "CloudWatch Logs group", ref destinations, faults, unknowns);
        Destination(c.ExecuteCommandS3Bucket, c.ExecuteCommandS3Encryption, "S3 bucket", ref destinations, faults, unknowns);
        if (destinations == 0 && unknowns.Count == 0)
        {
            faults.Add("logging is OVERRIDE but names neither a log group nor a bucket");
        }

        if (c.ExecuteCommandKmsKey.IsUnknown)
        {
            unknowns.Add($"the session KMS key is unknown ({c.ExecuteCommandKmsKey.UnknownReason})");
        }
        else if (c.ExecuteCommandKmsKey.Get() is null)
        {
            faults.Add("session data is not encrypted with a KMS key (kms_key_id)");
        }

        if (faults.Count > 0)
        {
            return Outcome.Fail($"ECS Exec: {string.Join("; ", faults)}.", c.ExecuteCommandLogging.Source);
        }

        return unknowns.Count > 0
            ? Outcome.Unknown($"ECS Exec: {string.Join("; ", unknowns)}.", c.ExecuteCommandLogging.Source)
            : Outcome.Pass("ECS Exec sessions are encrypted with a KMS key and logged to encrypted destinations.");
    }

    private static void Destination(Value<ResourceRef?> target, Value<bool> encryption, string what, ref int count, List<string> faults, List<string> unknowns)
    {
        if (target.IsUnknown)
        {
            unknowns.Add($"the {what} is unknown ({target.UnknownReason})");
            return;
        }

        if (target.Get() is null)
        {
            return;
        }

        count++;
        if (encryption.IsUnknown)
        {
            unknowns.Add($"whether the {what} must be encrypted is unknown ({encryption.UnknownReason})");
        }
        else if (!encryption.Get())
        {
            faults.Add($"the {what} {target.Get()} is not required to be encrypted");
        }
    }
}
