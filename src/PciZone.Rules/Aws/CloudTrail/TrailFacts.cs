using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

/// <summary>Which events a trail records, read from its classic or advanced event selectors.</summary>
internal static class TrailFacts
{
    /// <summary>Read and write coverage of one kind of event; <see cref="AllBuckets"/> only matters for data events.</summary>
    public readonly record struct Coverage(bool Read, bool Write, bool AllBuckets)
    {
        /// <summary>Both read and write events.</summary>
        public bool ReadAndWrite => Read && Write;
    }

    /// <summary>Management events recorded; unknown when the selectors are.</summary>
    public static Value<Coverage> ManagementEvents(Trail trail)
    {
        if (trail.AdvancedEventSelectors.IsUnknown || trail.EventSelectors.IsUnknown)
        {
            return Value.Unknown<Coverage>("event selectors are unknown until apply", trail.Provenance);
        }

        var advanced = trail.AdvancedEventSelectors.Get();
        var classic = trail.EventSelectors.Get();
        if (advanced.Count == 0 && classic.Count == 0)
        {
            // With no selectors at all, CloudTrail records every management event, read and write.
            return Value.Default(new Coverage(true, true, true), trail.Provenance);
        }

        var coverage = advanced.Count > 0
            ? Combine(advanced.Where(s => FieldEquals(s, "eventCategory", "Management")).Select(s => ReadWrite(s, true)))
            : Combine(classic.Where(s => s.IncludeManagementEvents.GetOrDefault()).Select(s => ReadWrite(s.ReadWriteType, true)));
        return Value.Of(coverage, trail.Provenance);
    }

    /// <summary>S3 object-level data events recorded; unknown when the selectors are.</summary>
    public static Value<Coverage> S3DataEvents(Trail trail)
    {
        if (trail.AdvancedEventSelectors.IsUnknown || trail.EventSelectors.IsUnknown)
        {
            return Value.Unknown<Coverage>("event selectors are unknown until apply", trail.Provenance);
        }

        var advanced = trail.AdvancedEventSelectors.Get();
        var coverage = advanced.Count > 0
            ? Combine(advanced
                .Where(s => FieldEquals(s, "eventCategory", "Data") && FieldEquals(s, "resources.type", "AWS::S3::Object"))
                .Select(s => ReadWrite(s, !s.FieldSelectors.Any(f => IsField(f, "resources.ARN") && (f.EqualsTo.Count > 0 || f.StartsWith.Count > 0)))))
            : Combine(trail.EventSelectors.Get()
                .SelectMany(s => s.DataResources.Where(d => d.Type == "AWS::S3::Object")
                    .Select(d => ReadWrite(s.ReadWriteType, d.Values.Any(v => v is "arn:aws:s3" or "arn:aws:s3:::" or "arn:aws:s3:::*")))));
        return Value.Of(coverage, trail.Provenance);
    }

    private static Coverage ReadWrite(Value<string> readWriteType, bool allBuckets) => readWriteType.GetOrDefault("All") switch
    {
        "ReadOnly" => new Coverage(true, false, allBuckets),
        "WriteOnly" => new Coverage(false, true, allBuckets),
        _ => new Coverage(true, true, allBuckets),
    };

    // In an advanced selector, readOnly = true means reads only, false writes only, absent both.
    private static Coverage ReadWrite(TrailAdvancedSelector s, bool allBuckets)
    {
        var readOnly = s.FieldSelectors.FirstOrDefault(f => IsField(f, "readOnly"))?.EqualsTo ?? [];
        var read = readOnly.Count == 0 || readOnly.Contains("true", StringComparer.OrdinalIgnoreCase);
        var write = readOnly.Count == 0 || readOnly.Contains("false", StringComparer.OrdinalIgnoreCase);
        return new Coverage(read, write, allBuckets);
    }

    // Read and write may come from two selectors; coverage of all buckets must hold for both.
    private static Coverage Combine(IEnumerable<Coverage> parts)
    {
        var list = parts.ToList();
        var read = list.Where(c => c.Read).ToList();
        var write = list.Where(c => c.Write).ToList();
        return new Coverage(read.Count > 0, write.Count > 0,
            read.Count > 0 && write.Count > 0 && read.Any(c => c.AllBuckets) && write.Any(c => c.AllBuckets));
    }

    private static bool FieldEquals(TrailAdvancedSelector s, string field, string value) =>
        s.FieldSelectors.Any(f => IsField(f, field) && f.EqualsTo.Contains(value, StringComparer.Ordinal));

    private static bool IsField(TrailFieldSelector f, string field) =>
        string.Equals(f.Field, field, StringComparison.OrdinalIgnoreCase);
}
