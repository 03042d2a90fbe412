using PciZone.LandingZone.Spec;

namespace PciZone.LandingZone;

/// <summary>Names that several parts of the generator must agree on (SCP resources and the modules they protect).</summary>
internal static class Naming
{
    /// <summary>The log-archive module's name prefix: its buckets are PREFIX-log-archive-ACCOUNT and PREFIX-s3-access-logs-ACCOUNT.</summary>
    public static string LogArchivePrefix(ZoneSpec spec) => spec.Organization.Name;

    /// <summary>Bucket ARN patterns of the log archive, which the protect-log-archive guardrail covers.</summary>
    public static IEnumerable<string> LogArchiveBucketPatterns(ZoneSpec spec) =>
        new[] { "log-archive", "s3-access-logs" }.SelectMany(b => new[] { $"arn:aws:s3:::{spec.Organization.Name}-{b}-*", $"arn:aws:s3:::{spec.Organization.Name}-{b}-*/*" });

    /// <summary>A Terraform identifier for a spec key (account key, OU path, region).</summary>
    public static string Identifier(string key) => new(key.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());

    /// <summary>
    /// A short name for an account's edge in a region (eu-west-1 becomes euw1): ALB names stop at 32
    /// characters and the module adds suffixes, so it takes at most 28.
    /// </summary>
    public static string Edge(string accountKey, string region)
    {
        var parts = region.Split('-');
        var shortRegion = parts.Length == 3 ? $"{parts[0]}{parts[1][0]}{parts[2]}" : region.Replace("-", "", StringComparison.Ordinal);
        var name = $"{accountKey}-{shortRegion}";
        return name.Length <= 28 ? name : $"{accountKey[..(27 - shortRegion.Length)].TrimEnd('-')}-{shortRegion}";
    }
}
