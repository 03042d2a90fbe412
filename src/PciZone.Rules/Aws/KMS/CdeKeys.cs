using System.Reflection;
using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

/// <summary>
/// Which resources are in the cardholder data environment, which KMS keys they use, and which key-policy
/// principals count as key administrators.
/// </summary>
internal static class CdeKeys
{
    /// <summary>True when the resource is tagged as part of the CDE or as holding cardholder data.</summary>
    public static bool IsCde(Resource r) => CdeTags.IsCde(r);

    /// <summary>The CDE resources in the estate that reference the key, in estate order.</summary>
    public static IReadOnlyList<Resource> CdeUsers(AwsEstate estate, KmsKey key) =>
        estate.Memo("kms-cde-users", BuildUsers).GetValueOrDefault(key) ?? [];

    /// <summary>Why the key protects the CDE (its own tag, or the CDE resources that use it), or null.</summary>
    public static string? CdeReason(AwsEstate estate, KmsKey key)
    {
        if (IsCde(key))
        {
            return "the key is tagged as part of the CDE";
        }

        var users = CdeUsers(estate, key);
        return users.Count == 0
            ? null
            : $"CDE resource{(users.Count == 1 ? "" : "s")} {string.Join(", ", users.Take(3).Select(u => u.Address))}{(users.Count > 3 ? " ..." : "")} use{(users.Count == 1 ? "s" : "")} it";
    }

    /// <summary>The key a reference points to: by address, else by alias name or alias ARN.</summary>
    public static KmsKey? Resolve(AwsEstate estate, ResourceRef? reference)
    {
        if (reference is null)
        {
            return null;
        }

        if (reference.Address is not null && estate.Find(reference.Address) is KmsKey k)
        {
            return k;
        }

        return reference.Literal is { } literal && AliasOf(literal) is { } alias
            ? estate.Memo("kms-key-by-alias", BuildAliases).GetValueOrDefault(alias)
            : null;
    }

    /// <summary>The KMS key references a resource holds (every <c>Value&lt;ResourceRef?&gt;</c> property named like *Kms*, and S3 default encryption).</summary>
    public static IEnumerable<Value<ResourceRef?>> KeyReferences(Resource r)
    {
        if (r is S3Bucket bucket)
        {
            if (bucket.Encryption.GetOrDefault() is { } encryption)
            {
                yield return encryption.KmsKey;
            }

            yield break;
        }

        foreach (var property in KeyProperties(r.GetType()))
        {
            yield return (Value<ResourceRef?>)property.GetValue(r)!;
        }
    }

    // "alias/x" from "alias/x" or "arn:aws:kms:region:account:alias/x".
    private static string? AliasOf(string literal)
    {
        var at = literal.IndexOf("alias/", StringComparison.Ordinal);
        return at < 0 ? null : literal[at..];
    }

    private static readonly Dictionary<Type, PropertyInfo[]> PropertiesByType = [];

    // Every model record names its key references KmsKey or *KmsKey*; reading them by reflection keeps
    // new estate types in scope without a list to maintain here.
    private static PropertyInfo[] KeyProperties(Type type)
    {
        lock (PropertiesByType)
        {
            if (!PropertiesByType.TryGetValue(type, out var properties))
            {
                properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.PropertyType == typeof(Value<ResourceRef?>) && p.Name.Contains("Kms", StringComparison.Ordinal))
                    .OrderBy(p => p.Name, StringComparer.Ordinal)
                    .ToArray();
                PropertiesByType[type] = properties;
            }

            return properties;
        }
    }

    private static Dictionary<string, KmsKey> BuildAliases(AwsEstate estate)
    {
        var index = new Dictionary<string, KmsKey>(StringComparer.Ordinal);
        foreach (var key in estate.OfType<KmsKey>())
        {
            foreach (var alias in key.Aliases)
            {
                index.TryAdd(alias, key);
            }
        }

        return index;
    }

    private static Dictionary<KmsKey, IReadOnlyList<Resource>> BuildUsers(AwsEstate estate)
    {
        var users = new Dictionary<KmsKey, List<Resource>>(ReferenceEqualityComparer.Instance);
        foreach (var r in estate.Resources)
        {
            if (r is KmsKey || !IsCde(r))
            {
                continue;
            }

            foreach (var reference in KeyReferences(r))
            {
                if (reference.TryGet(out var target) && Resolve(estate, target) is { } key)
                {
                    if (!users.TryGetValue(key, out var list))
                    {
                        users[key] = list = [];
                    }

                    if (!list.Contains(r))
                    {
                        list.Add(r);
                    }
                }
            }
        }

        var result = new Dictionary<KmsKey, IReadOnlyList<Resource>>(ReferenceEqualityComparer.Instance);
        foreach (var (key, list) in users)
        {
            result[key] = list;
        }

        return result;
    }
}
