using PciZone.Estate;

namespace PciZone.Rules.Aws.Backup;

/// <summary>
/// The ARN a resource will have, as far as the code tells: its service and resource type always, its
/// name or id when known. A backup selection picks resources in its own account and Region only, so a
/// pattern's partition, Region and account are taken to be the resource's own.
/// </summary>
/// <param name="Service">ARN service (<c>ec2</c>, <c>rds</c>, <c>s3</c>).</param>
/// <param name="ResourcePrefix">The resource part before the id (<c>volume/</c>, <c>db:</c>, <c>table/</c>).</param>
/// <param name="Id">The id or name; Unknown until apply for most new resources.</param>
/// <param name="Regional">False for S3, whose ARNs have no Region or account.</param>
internal sealed record BackupArn(string Service, string ResourcePrefix, Value<string?> Id, bool Regional = true)
{
    // Stands for an id unknown until apply: only a '*' can match it.
    private const char UnknownId = '\u0001';

    /// <summary>How a selection's ARN entry relates to this resource.</summary>
    public Match Matches(string pattern)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            // A literal ARN can only name a resource whose id the author knows.
            return Id.GetOrDefault() is { } id && Wildcard.Matches(pattern, Arn(pattern, id), ignoreCase: false, questionMark: false)
                ? Match.Definite
                : Match.None;
        }

        var known = Id.GetOrDefault();
        if (Wildcard.Matches(pattern, Arn(pattern, known ?? UnknownId.ToString()), ignoreCase: false, questionMark: false))
        {
            return Match.Definite;
        }

        return known is null && Globs.Intersect(pattern, Arn(pattern, "*")) ? Match.Possible : Match.None;
    }

    // Partition, Region and account come from the pattern when it spells them, so that only the
    // service, the resource type and the id decide.
    private string Arn(string pattern, string id)
    {
        var parts = pattern.Split(':');
        string Part(int i, string fallback) => parts.Length > 5 && !parts[i].Contains('*', StringComparison.Ordinal) ? parts[i] : fallback;
        var partition = Part(1, "aws");
        return Regional
            ? $"arn:{partition}:{Service}:{Part(3, "region")}:{Part(4, "account")}:{ResourcePrefix}{id}"
            : $"arn:{partition}:{Service}:::{ResourcePrefix}{id}";
    }
}

/// <summary>Definite, possible (an unknown id might match) or no match.</summary>
internal enum Match
{
    /// <summary>No match.</summary>
    None = 0,

    /// <summary>Matches for some values of what is unknown until apply.</summary>
    Possible = 1,

    /// <summary>Matches whatever is unknown.</summary>
    Definite = 2,
}

/// <summary>Intersection of two patterns whose only wildcard is <c>*</c> (any run of characters).</summary>
internal static class Globs
{
    /// <summary>True when some text matches both patterns.</summary>
    public static bool Intersect(string a, string b)
    {
        var memo = new Dictionary<(int, int), bool>();
        return Go(0, 0);

        bool Go(int i, int j)
        {
            if (memo.TryGetValue((i, j), out var known))
            {
                return known;
            }

            bool result;
            if (i == a.Length && j == b.Length)
            {
                result = true;
            }
            else if (i < a.Length && a[i] == '*')
            {
                result = Go(i + 1, j) || (j < b.Length && Go(i, j + 1));
            }
            else if (j < b.Length && b[j] == '*')
            {
                result = Go(i, j + 1) || (i < a.Length && Go(i + 1, j));
            }
            else
            {
                result = i < a.Length && j < b.Length && a[i] == b[j] && Go(i + 1, j + 1);
            }

            memo[(i, j)] = result;
            return result;
        }
    }
}
