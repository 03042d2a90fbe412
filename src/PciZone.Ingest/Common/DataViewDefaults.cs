using PciZone.Estate;

namespace PciZone.Ingest;

/// <summary>
/// Small reading helpers shared by the data-store mappers (KMS, RDS, DynamoDB, logs, SNS, SQS) of
/// both formats.
/// </summary>
internal static class DataViewDefaults
{
    /// <summary>Why an unset RDS PubliclyAccessible is unknown offline (CreateDBInstance's documented default).</summary>
    public const string PublicAccessUnset =
        "not set; AWS makes the instance public when its subnets' VPC has an internet gateway";

    /// <summary>
    /// Reads an attribute the author wrote; otherwise the AWS default. Terraform plans leave an
    /// Optional+Computed attribute that nobody set unknown, although AWS applies a documented default:
    /// reading it as Unknown would hide a setting that is in fact decided.
    /// </summary>
    public static Value<T> WrittenOr<T>(this IResourceView r, string path, Func<IResourceView, Value<T>> read, T awsDefault) =>
        r.IsWritten(path) ? read(r) : Value.Default(awsDefault, r.Provenance);

    /// <summary>A key or resource reference where an empty string means "not set".</summary>
    public static Value<ResourceRef?> OptionalRef(this IResourceView r, string path)
    {
        var value = r.Ref(path);
        return value.IsKnown && value.Get() is { Address: null, Literal: "" }
            ? Value.Default<ResourceRef?>(null, r.At(path))
            : value;
    }

    /// <summary>A value that AWS takes from another resource (a snapshot, a source DB, the cluster).</summary>
    public static Value<T> InheritedFrom<T>(this IResourceView r, string source) =>
        Value.Unknown<T>($"inherited from {source}", r.Provenance);

    /// <summary>A policy the author wrote, or null (the service's default policy) when none is written.</summary>
    public static Value<PolicyDocument?> WrittenPolicy(this IResourceView r, string path) =>
        r.IsWritten(path) ? r.Policy(path) : Value.Default<PolicyDocument?>(null, r.Provenance);

    /// <summary>Joins a companion into every primary its list of references names (CloudFormation *Policy resources).</summary>
    public static void JoinEach<T>(this IEstateBuilder estate, IResourceView r, string path, Func<T, T> update)
        where T : Resource
    {
        var targets = r.Refs(path);
        if (targets.IsUnknown)
        {
            estate.Join(r, Value.Unknown<ResourceRef?>(targets.UnknownReason ?? "unknown", targets.Source), update);
            return;
        }

        foreach (var target in targets.Get())
        {
            estate.Join(r, Value.Of<ResourceRef?>(target, r.At(path)), update);
        }
    }
}
