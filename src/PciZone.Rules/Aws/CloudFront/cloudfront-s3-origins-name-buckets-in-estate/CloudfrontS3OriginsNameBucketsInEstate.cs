using System.Text.RegularExpressions;
using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudFront;

internal sealed partial class CloudfrontS3OriginsNameBucketsInEstate : ResourceRule<CloudFrontDistribution>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(CloudFrontDistribution), typeof(S3Bucket)];

    protected override bool AppliesTo(CloudFrontDistribution d, RuleContext context) => NamedBuckets(d).Count > 0;

    protected override Outcome Check(CloudFrontDistribution d, RuleContext context)
    {
        var names = context.Estate.Memo("cf-s3-bucket-names", BucketNames);
        var missing = NamedBuckets(d).Where(o => !names.Known.Contains(o.Bucket)).ToList();
        if (missing.Count == 0)
        {
            return Outcome.Pass("Every S3 bucket that an origin names is in the scanned estate.");
        }

        var list = string.Join(", ", missing.Select(o => $"'{o.Bucket}' (origin {o.Origin.Id})"));
        return names.UnknownCount > 0
            ? Outcome.Unknown(
                $"Origins name bucket {list}, which no bucket of known name in the estate is; {names.UnknownCount} bucket name(s) are unknown until apply and may be it.",
                missing[0].Origin.DomainName.Source)
            : Outcome.Fail(
                $"Origins name S3 bucket {list}, which the scanned estate does not contain: if it does not exist, anyone can create it and serve content through the distribution.",
                missing[0].Origin.DomainName.Source);
    }

    private static List<(CloudFrontOrigin Origin, string Bucket)> NamedBuckets(CloudFrontDistribution d)
    {
        var found = new List<(CloudFrontOrigin, string)>();
        foreach (var origin in d.Origins.GetOrDefault([])!)
        {
            if (origin.DomainName.GetOrDefault() is { } domain && S3Domain().Match(domain.ToLowerInvariant()) is { Success: true } m)
            {
                found.Add((origin, m.Groups["bucket"].Value));
            }
        }

        return found;
    }

    private static BucketNameIndex BucketNames(AwsEstate estate)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var unknown = 0;
        foreach (var bucket in estate.OfType<S3Bucket>())
        {
            if (bucket.BucketName.TryGet(out var name) && !string.IsNullOrEmpty(name))
            {
                known.Add(name);
            }
            else
            {
                unknown++;
            }
        }

        return new BucketNameIndex(known, unknown);
    }

    private sealed record BucketNameIndex(HashSet<string> Known, int UnknownCount);

    // REST (global, regional, legacy dash-region, dual-stack) and website endpoints, in the aws and aws-cn partitions.
    [GeneratedRegex(@"^(?<bucket>[a-z0-9][a-z0-9.\-]*?)\.s3(?:-website)?(?:[.\-](?:dualstack\.)?[a-z0-9\-]+)?\.amazonaws\.com(?:\.cn)?$")]
    private static partial Regex S3Domain();
}
