using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

/// <summary>Which buckets hold cardholder data, and whether a trail records object-level events in one bucket.</summary>
internal static class TrailBucketEvents
{
    private const string S3Arn = "arn:aws:s3:::";

    /// <summary>
    /// A bucket in the cardholder data environment: tagged <c>pcizone:data-class=cardholder-data</c> or
    /// <c>pcizone:cde=true</c>.
    /// </summary>
    public static bool IsCde(S3Bucket bucket) => CdeTags.IsCde(bucket);

    /// <summary>
    /// Whether the trail records reads and writes of every object of the bucket (a selector for all
    /// buckets, or for the whole bucket by ARN). A selector for a prefix inside the bucket does not
    /// count. Unknown when the selectors are, or when only named buckets are recorded and the name is unknown.
    /// </summary>
    public static Value<(bool Read, bool Write)> Coverage(Trail trail, string? bucketName)
    {
        if (trail.AdvancedEventSelectors.IsUnknown || trail.EventSelectors.IsUnknown)
        {
            return Value.Unknown<(bool, bool)>("event selectors are unknown until apply", trail.Provenance);
        }

        var advanced = trail.AdvancedEventSelectors.Get();
        var parts = advanced.Count > 0
            ? advanced.Where(IsS3Data).Select(s => (Covers: Advanced(s, bucketName), RW: ReadWrite(s)))
            : trail.EventSelectors.Get().SelectMany(s => s.DataResources.Where(d => d.Type == "AWS::S3::Object")
                .Select(d => (Covers: Classic(d.Values, bucketName), RW: ReadWrite(s.ReadWriteType))));
        var list = parts.ToList();
        var read = list.Any(p => p.Covers == true && p.RW.Read);
        var write = list.Any(p => p.Covers == true && p.RW.Write);
        var undecided = (!read && list.Any(p => p.Covers is null && p.RW.Read)) || (!write && list.Any(p => p.Covers is null && p.RW.Write));
        return undecided
            ? Value.Unknown<(bool, bool)>("the bucket name or a selected ARN is unknown until apply", trail.Provenance)
            : Value.Of((read, write), trail.Provenance);
    }

    private static bool IsS3Data(TrailAdvancedSelector s) =>
        Field(s, "eventCategory")?.EqualsTo.Contains("Data", StringComparer.Ordinal) == true &&
        Field(s, "resources.type")?.EqualsTo.Contains("AWS::S3::Object", StringComparer.Ordinal) == true;

    // Classic data resources: "arn:aws:s3" (or ":::") for all buckets, "arn:aws:s3:::name/" for one bucket.
    private static bool? Classic(IReadOnlyList<string> values, string? bucketName)
    {
        if (values.Any(v => v is "arn:aws:s3" or S3Arn or "arn:aws:s3:::*"))
        {
            return true;
        }

        return bucketName is null
            ? null
            : values.Any(v => v == $"{S3Arn}{bucketName}/" || v == $"{S3Arn}{bucketName}") ? true
            : values.Any(v => !v.StartsWith(S3Arn, StringComparison.Ordinal)) ? null
            : false;
    }

    // An advanced selector covers the bucket when no ARN condition narrows it below the whole bucket.
    private static bool? Advanced(TrailAdvancedSelector s, string? bucketName)
    {
        var arns = s.FieldSelectors.Where(f => string.Equals(f.Field, "resources.ARN", StringComparison.OrdinalIgnoreCase)).ToList();
        if (arns.Count == 0)
        {
            return true;
        }

        if (bucketName is null || arns.SelectMany(f => f.EqualsTo.Concat(f.StartsWith).Concat(f.NotEquals).Concat(f.NotStartsWith)).Any(v => !v.StartsWith("arn:", StringComparison.Ordinal)))
        {
            return null;
        }

        var objects = $"{S3Arn}{bucketName}/";
        foreach (var f in arns)
        {
            if (f.NotStartsWith.Any(v => objects.StartsWith(v, StringComparison.Ordinal) || v.StartsWith(objects, StringComparison.Ordinal)) ||
                f.NotEquals.Any(v => v.StartsWith(objects, StringComparison.Ordinal)))
            {
                return false;
            }

            if ((f.StartsWith.Count > 0 || f.EqualsTo.Count > 0) && !f.StartsWith.Any(v => objects.StartsWith(v, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static (bool Read, bool Write) ReadWrite(Value<string> readWriteType) => readWriteType.GetOrDefault("All") switch
    {
        "ReadOnly" => (true, false),
        "WriteOnly" => (false, true),
        _ => (true, true),
    };

    private static (bool Read, bool Write) ReadWrite(TrailAdvancedSelector s)
    {
        var readOnly = Field(s, "readOnly")?.EqualsTo ?? [];
        return (readOnly.Count == 0 || readOnly.Contains("true", StringComparer.OrdinalIgnoreCase),
            readOnly.Count == 0 || readOnly.Contains("false", StringComparer.OrdinalIgnoreCase));
    }

    private static TrailFieldSelector? Field(TrailAdvancedSelector s, string field) =>
        s.FieldSelectors.FirstOrDefault(f => string.Equals(f.Field, field, StringComparison.OrdinalIgnoreCase));
}
