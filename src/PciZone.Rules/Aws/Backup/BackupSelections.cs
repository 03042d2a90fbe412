using PciZone.Estate;

namespace PciZone.Rules.Aws.Backup;

/// <summary>Which resources the AWS Backup selections of the estate protect, indexed once per estate.</summary>
internal static class BackupSelections
{
    /// <summary>How the resource is selected by a backup plan.</summary>
    public enum Coverage
    {
        /// <summary>No selection in the estate picks it.</summary>
        None,

        /// <summary>A selection picks it.</summary>
        Selected,

        /// <summary>A selection's resources or tags are unknown until apply and might pick it.</summary>
        Unknown,
    }

    /// <summary>
    /// Whether a selection protects <paramref name="resource"/>: by a link to it, by a wildcard ARN of
    /// its service (<paramref name="arnPrefix"/>, e.g. <c>arn:aws:elasticfilesystem:</c>) or <c>*</c>,
    /// or by one of its tags. Returns the selection's address when selected.
    /// </summary>
    public static (Coverage Coverage, string? By) Find(AwsEstate estate, Resource resource, string arnPrefix)
    {
        var index = estate.Memo("backup-selections", Build);
        if (index.ByAddress.TryGetValue(resource.Address, out var by))
        {
            return (Coverage.Selected, by);
        }

        foreach (var (pattern, selection) in index.Wildcards)
        {
            if (pattern == "*" || (pattern.StartsWith(arnPrefix, StringComparison.Ordinal) && pattern.Contains('*', StringComparison.Ordinal)))
            {
                return (Coverage.Selected, selection);
            }
        }

        foreach (var (tag, selection) in index.Tags)
        {
            if (resource.Tags.TryGetValue(tag.Key, out var value) && value == tag.Value)
            {
                return (Coverage.Selected, selection);
            }
        }

        return index.UnknownSelection is { } unknown ? (Coverage.Unknown, unknown) : (Coverage.None, null);
    }

    private static Index Build(AwsEstate estate)
    {
        var index = new Index();
        foreach (var selection in estate.OfType<BackupSelection>())
        {
            if (selection.Resources.IsUnknown || selection.SelectionTags.IsUnknown)
            {
                index.UnknownSelection ??= selection.Address;
            }

            foreach (var r in selection.Resources.GetOrDefault([])!)
            {
                if (r.Address is not null)
                {
                    index.ByAddress.TryAdd(r.Address, selection.Address);
                }
                else if (r.Literal is { } literal && literal.Contains('*', StringComparison.Ordinal))
                {
                    index.Wildcards.Add((literal, selection.Address));
                }
            }

            foreach (var tag in selection.SelectionTags.GetOrDefault([])!)
            {
                index.Tags.Add((tag, selection.Address));
            }
        }

        return index;
    }

    private sealed class Index
    {
        public Dictionary<string, string> ByAddress { get; } = new(StringComparer.Ordinal);

        public List<(string Pattern, string Selection)> Wildcards { get; } = [];

        public List<(KeyValuePair<string, string> Tag, string Selection)> Tags { get; } = [];

        public string? UnknownSelection { get; set; }
    }
}
