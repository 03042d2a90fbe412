using PciZone.Estate;

namespace PciZone.Ingest;

/// <summary>
/// One resource (or one nested block/object of it) as a reader sees it, format-neutral. Mappers
/// read attributes through this view and never see JSON, YAML or HCL.
///
/// Paths are dot-separated attribute names (<c>versioning_configuration.status</c>,
/// <c>VersioningConfiguration.Status</c>). In Terraform a nested block is a list: a path step into
/// a block takes its first element; use <see cref="Blocks"/> for all of them.
///
/// Every getter returns Unknown when the input leaves the value unknown (Terraform's
/// <c>after_unknown</c>; a CloudFormation intrinsic that cannot be resolved offline), and the AWS
/// default (as <see cref="Value{T}.Default"/>) when the attribute is absent or null.
/// </summary>
public interface IResourceView
{
    /// <summary>Estate address: plan address (with module path and index) or CloudFormation logical id.</summary>
    string Address { get; }

    /// <summary>The input's type (<c>aws_s3_bucket</c>, <c>AWS::S3::Bucket</c>).</summary>
    string Type { get; }

    /// <summary>Where the resource is declared.</summary>
    Provenance Provenance { get; }

    /// <summary>Provenance of one attribute (with its own line where the input has lines).</summary>
    Provenance At(string path);

    /// <summary>True when the attribute is present and not null (or is unknown).</summary>
    bool Has(string path);

    /// <summary>
    /// True when the author wrote the attribute (Terraform: it appears in the configuration
    /// expressions; CloudFormation: the property is present). Distinguishes a deprecated
    /// Optional+Computed Terraform attribute that nobody set (unknown in the plan) from one that is set.
    /// </summary>
    bool IsWritten(string path);

    /// <summary>A string attribute (numbers and booleans are given in their text form).</summary>
    Value<string?> String(string path, string? awsDefault = null);

    /// <summary>A boolean attribute; the strings "true"/"false" are accepted.</summary>
    Value<bool> Bool(string path, bool awsDefault);

    /// <summary>An integer attribute; numeric strings are accepted.</summary>
    Value<int> Int(string path, int awsDefault);

    /// <summary>An optional integer attribute (null when absent).</summary>
    Value<int?> OptionalInt(string path);

    /// <summary>A list of strings (a single string becomes a one-item list; absent is empty).</summary>
    Value<IReadOnlyList<string>> Strings(string path);

    /// <summary>Nested blocks or a list of objects at the path (absent is empty).</summary>
    IReadOnlyList<IResourceView> Blocks(string path);

    /// <summary>The first nested block or the object at the path, or null when absent.</summary>
    IResourceView? Block(string path);

    /// <summary>
    /// A reference to another resource: the estate address of the target when the input links to it
    /// (Terraform configuration references, CloudFormation Ref/GetAtt), else the literal value.
    /// Null inside a known value when the attribute is absent.
    /// </summary>
    Value<ResourceRef?> Ref(string path);

    /// <summary>A list of references (security groups, subnets).</summary>
    Value<IReadOnlyList<ResourceRef>> Refs(string path);

    /// <summary>A policy document given as a JSON string (Terraform) or an object or string (CloudFormation).</summary>
    Value<PolicyDocument?> Policy(string path);

    /// <summary>Tags: a map (Terraform <c>tags</c>/<c>tags_all</c>) or a Key/Value list (CloudFormation <c>Tags</c>).</summary>
    IReadOnlyDictionary<string, string> Tags(string path);
}
