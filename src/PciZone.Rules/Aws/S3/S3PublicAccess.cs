using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

/// <summary>
/// Whether a bucket is open to the public through its ACL or its policy, after the public access
/// blocks (bucket level and account level) that neutralise public ACLs and public policies.
/// </summary>
internal static class S3PublicAccess
{
    private static readonly string[] PublicCannedAcls = ["public-read", "public-read-write", "authenticated-read"];

    /// <summary>Pass when nothing grants public access, Fail naming every public grant, Unknown when a value that decides it is unknown.</summary>
    public static Outcome Assess(S3Bucket bucket, AwsEstate estate)
    {
        var fails = new List<(string Message, Provenance Source)>();
        var unknowns = new List<string>();
        var neutralised = new List<string>();

        var aclGrants = PublicAclGrants(bucket, unknowns);
        if (aclGrants.Count > 0)
        {
            Neutralise(EffectiveBlock(bucket, estate, BlockSetting.IgnorePublicAcls), "IgnorePublicAcls", string.Join(" and ", aclGrants.Select(g => g.What)), aclGrants[0].Source, fails, unknowns, neutralised);
        }

        if (bucket.Policy.IsUnknown)
        {
            unknowns.Add($"bucket policy: {bucket.Policy.UnknownReason}");
        }
        else if (bucket.Policy.Get() is { } policy && S3PolicyFacts.PublicAllows(policy) is { Count: > 0 } open)
        {
            var what = $"bucket policy allows {string.Join(", ", open.SelectMany(s => s.Actions).Distinct().DefaultIfEmpty("actions"))} to any principal without a restricting condition";
            Neutralise(EffectiveBlock(bucket, estate, BlockSetting.RestrictPublicBuckets), "RestrictPublicBuckets", what, bucket.Policy.Source, fails, unknowns, neutralised);
        }

        if (fails.Count > 0)
        {
            return Outcome.Fail($"Bucket is public: {string.Join("; ", fails.Select(f => f.Message))}.", fails[0].Source);
        }

        if (unknowns.Count > 0)
        {
            return Outcome.Unknown($"Cannot tell whether the bucket is public: {string.Join("; ", unknowns)}.");
        }

        return Outcome.Pass(neutralised.Count == 0
            ? "Neither the ACL nor the bucket policy grants public access."
            : $"Public grants are neutralised: {string.Join("; ", neutralised)}.");
    }

    /// <summary>
    /// One public access block setting in effect for the bucket: true when the bucket's or any account
    /// block in the estate has it on, false when every block known has it off, unknown otherwise.
    /// </summary>
    public static Value<bool> EffectiveBlock(S3Bucket bucket, AwsEstate estate, BlockSetting setting)
    {
        // The account blocks come first, in estate order, then the bucket's own: the first value that
        // is on decides, else the first that is unknown.
        var account = BlockSetting.AccountBlocks(estate)[setting.Index];
        Value<bool>? own = bucket.PublicAccessBlock.IsUnknown
            ? Value.Unknown<bool>(bucket.PublicAccessBlock.UnknownReason ?? "unknown", bucket.PublicAccessBlock.Source)
            : bucket.PublicAccessBlock.Get() is { } pab ? setting.Read(pab) : null;
        if (account.FirstOn is { } accountOn)
        {
            return accountOn;
        }

        if (own is { } ownOn && ownOn.IsKnown && ownOn.Get())
        {
            return ownOn;
        }

        if (account.FirstUnknown is { } accountUnknown)
        {
            return accountUnknown;
        }

        return own is { } ownUnknown && ownUnknown.IsUnknown ? ownUnknown : Value.Default(false, bucket.Provenance);
    }

    private static List<(string What, Provenance Source)> PublicAclGrants(S3Bucket bucket, List<string> unknowns)
    {
        var found = new List<(string, Provenance)>();
        if (bucket.Acl.IsUnknown)
        {
            unknowns.Add($"canned ACL: {bucket.Acl.UnknownReason}");
        }
        else if (PublicCannedAcls.Contains(bucket.Acl.Get(), StringComparer.Ordinal))
        {
            found.Add(($"canned ACL {bucket.Acl.Get()}", bucket.Acl.Source));
        }

        if (bucket.AclGrants.IsUnknown)
        {
            unknowns.Add($"ACL grants: {bucket.AclGrants.UnknownReason}");
        }
        else
        {
            found.AddRange(bucket.AclGrants.Get().Where(g => g.IsPublic)
                .Select(g => ($"ACL grant of {g.Permission} to {g.GranteeUri?.Split('/')[^1]}", bucket.AclGrants.Source)));
        }

        return found;
    }

    private static void Neutralise(
        Value<bool> block, string setting, string what, Provenance source,
        List<(string, Provenance)> fails, List<string> unknowns, List<string> neutralised)
    {
        if (block.IsUnknown)
        {
            unknowns.Add($"{what}, and whether {setting} neutralises it is unknown");
        }
        else if (block.Get())
        {
            neutralised.Add($"{what}, but {setting} is on");
        }
        else
        {
            fails.Add((what, source));
        }
    }
}
