using System.Net;
using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

/// <summary>What a bucket policy says about public access and about transport security.</summary>
internal static class S3PolicyFacts
{
    // Condition keys that tie a wildcard principal to a known network, account, organisation or
    // source resource; AWS itself treats a policy limited by fixed values of these as non-public.
    private static readonly string[] RestrictingKeys =
    [
        "aws:SourceVpce", "aws:SourceVpc", "aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID",
        "aws:SourceOrgPaths", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount",
        "aws:PrincipalArn", "aws:SourceIp", "aws:userid",
    ];

    // Operators whose missing key or negation lets an unrelated request through are not restricting.
    private static readonly string[] RestrictingOperators =
    [
        "StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike", "IpAddress",
        "ForAnyValue:StringEquals", "ForAnyValue:StringLike",
    ];

    /// <summary>
    /// True when the policy lets Elastic Load Balancing deliver access logs (the log-delivery service
    /// principal, or the ELB account of a region launched before August 2022, may s3:PutObject).
    /// </summary>
    public static bool AllowsElbLogDelivery(PolicyDocument policy) =>
        policy.Allows.Any(s => s.MatchesAction("s3:PutObject") && s.Principals.Any(p =>
            (p.Type == "Service" && p.Value == "logdelivery.elasticloadbalancing.amazonaws.com")
            || (p.Type == "AWS" && ElbAccounts.Any(a => p.Value == a || p.Value == $"arn:aws:iam::{a}:root"))));

    // The regional ELB accounts of the older regions (AWS's documented list).
    private static readonly string[] ElbAccounts =
    [
        "127311923021", "033677994240", "027434742980", "797873946194", "098369216593", "754344448648", "589379963580",
        "718504428378", "383597477331", "582318560864", "600734575887", "114774131450", "783225319266", "985666609251",
        "054676820928", "156460612806", "652711504416", "635631232127", "009996457667", "897822967062", "076674570225",
        "507241528517",
    ];

    /// <summary>Allow statements that grant access to anyone: a wildcard principal (or NotPrincipal) with no restricting condition.</summary>
    public static IReadOnlyList<PolicyStatement> PublicAllows(PolicyDocument policy) =>
        policy.Allows
            .Where(s => (s.HasWildcardPrincipal || s.NotPrincipals.Count > 0) && !s.Conditions.Any(IsRestricting))
            .ToList();

    /// <summary>
    /// Why the policy fails to deny plain-HTTP requests to the bucket and its objects, or null when a
    /// Deny on <c>aws:SecureTransport</c> false covers every principal, every S3 action, the bucket and its objects.
    /// </summary>
    public static string? InsecureTransportGap(PolicyDocument policy, string? bucketName)
    {
        var tlsDenies = policy.Denies.Where(DeniesWithoutTls).ToList();
        if (tlsDenies.Count == 0)
        {
            return "Bucket policy has no Deny for requests with aws:SecureTransport false";
        }

        var broad = tlsDenies.Where(s => s.HasWildcardPrincipal && s.Actions.Any(a => a is "*" or "s3:*")).ToList();
        if (broad.Count == 0)
        {
            return "The aws:SecureTransport deny does not cover every principal (\"*\") and every S3 action (s3:*)";
        }

        var bucketArn = $"arn:aws:s3:::{bucketName ?? "*"}";
        var coversBucket = broad.Any(s => Covers(s, bucketArn, bucketName is null));
        var coversObjects = broad.Any(s => Covers(s, bucketArn + "/object", bucketName is null));
        return (coversBucket, coversObjects) switch
        {
            (true, true) => null,
            (false, true) => "The aws:SecureTransport deny covers the objects but not the bucket itself",
            (true, false) => "The aws:SecureTransport deny covers the bucket but not its objects (bucket/*)",
            _ => "The aws:SecureTransport deny covers neither the bucket nor its objects",
        };
    }

    private static bool DeniesWithoutTls(PolicyStatement s) =>
        s.ConditionsOn("aws:SecureTransport").Any(c =>
            c.Operator is "Bool" or "BoolIfExists" &&
            c.Values.Any(v => string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)));

    // With an unknown bucket name only the shape can be checked: a bucket ARN and an object ARN pattern.
    private static bool Covers(PolicyStatement s, string arn, bool nameUnknown) =>
        s.Resources.Any(r => r == "*" || (nameUnknown
            ? r.StartsWith("arn:aws:s3:::", StringComparison.Ordinal) && r.EndsWith("/*", StringComparison.Ordinal) == arn.EndsWith("/object", StringComparison.Ordinal)
            : Wildcard.Matches(r, arn)));

    private static bool IsRestricting(PolicyCondition c) =>
        RestrictingKeys.Contains(c.Key, StringComparer.OrdinalIgnoreCase) &&
        RestrictingOperators.Contains(c.Operator, StringComparer.OrdinalIgnoreCase) &&
        c.Values.Count > 0 &&
        c.Values.All(v => IsFixed(c.Key, v));

    private static bool IsFixed(string key, string value)
    {
        if (value.Contains('*', StringComparison.Ordinal) || value.Contains('?', StringComparison.Ordinal) ||
            value.Contains("${", StringComparison.Ordinal))
        {
            return false;
        }

        if (!string.Equals(key, "aws:SourceIp", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // A range wider than /8 (IPv4) or /32 (IPv6) is, for AWS, open to the public.
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !int.TryParse(value.AsSpan(slash + 1), out var bits) ||
            !IPAddress.TryParse(value.AsSpan(0, slash), out var ip))
        {
            return slash < 0;
        }

        return ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? bits >= 8 : bits >= 32;
    }
}
