using PciZone.Estate;
using PciZone.Rules.Aws.S3;

namespace PciZone.Rules.Aws.EFS;

internal sealed class EfsFileSystemPolicyRequiresTlsAndIsNotPublic : ResourceRule<EfsFileSystem>
{
    protected override Outcome Check(EfsFileSystem fs, RuleContext context)
    {
        if (fs.Policy.IsUnknown)
        {
            return Outcome.Unknown($"The file system policy cannot be read: {fs.Policy.UnknownReason}.", fs.Policy.Source);
        }

        if (fs.Policy.Get() is not { } policy)
        {
            return Outcome.Fail("File system has no policy, so clients may mount it without TLS.");
        }

        var gaps = new List<string>();
        if (!policy.Denies.Any(DeniesMountWithoutTls))
        {
            gaps.Add("no Deny for principal \"*\" on client access when aws:SecureTransport is false");
        }

        // EFS itself counts a wildcard principal limited to access through a mount target as not public.
        var open = S3PolicyFacts.PublicAllows(policy).Where(s => !ViaMountTargetOnly(s)).ToList();
        if (open.Count > 0)
        {
            gaps.Add($"an Allow of {string.Join(", ", open.SelectMany(s => s.Actions).Distinct())} to any principal without a restricting condition");
        }

        return gaps.Count == 0
            ? Outcome.Pass("File system policy denies access without TLS and grants nothing to an unrestricted principal.")
            : Outcome.Fail($"File system policy has {string.Join(", and ", gaps)}.", fs.Policy.Source);
    }

    private static bool DeniesMountWithoutTls(PolicyStatement s) =>
        s.HasWildcardPrincipal &&
        s.MatchesAction("elasticfilesystem:ClientMount") &&
        s.ConditionsOn("aws:SecureTransport").Any(c =>
            c.Operator is "Bool" or "BoolIfExists" && c.Values.Any(v => string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)));

    private static bool ViaMountTargetOnly(PolicyStatement s) =>
        s.ConditionsOn("elasticfilesystem:AccessedViaMountTarget").Any(c =>
            c.Operator == "Bool" && c.Values.Count > 0 && c.Values.All(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase)));
}
