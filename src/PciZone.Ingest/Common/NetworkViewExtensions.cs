using PciZone.Estate;

namespace PciZone.Ingest;

/// <summary>
/// Reading helpers shared by the network and compute mappers of both formats. Terraform plans leave
/// many Optional+Computed attributes unknown when nobody wrote them; AWS then applies its documented
/// default, so "unknown and not written" is read as that default rather than as Unknown.
/// </summary>
internal static class NetworkViewExtensions
{
    /// <summary>A boolean: the input's value when known, the AWS default when the author did not write it.</summary>
    public static Value<bool> BoolOrDefault(this IResourceView r, string path, bool awsDefault)
    {
        var v = r.Bool(path, awsDefault);
        return v.IsUnknown && !r.IsWritten(path) ? Value.Default(awsDefault, r.At(path)) : v;
    }

    /// <summary>An integer, as <see cref="BoolOrDefault"/>.</summary>
    public static Value<int> IntOrDefault(this IResourceView r, string path, int awsDefault)
    {
        var v = r.Int(path, awsDefault);
        return v.IsUnknown && !r.IsWritten(path) ? Value.Default(awsDefault, r.At(path)) : v;
    }

    /// <summary>A string that always has a value once known: the written text or the AWS default.</summary>
    public static Value<string> TextOrDefault(this IResourceView r, string path, string awsDefault)
    {
        var v = r.String(path, awsDefault);
        return v.IsUnknown && !r.IsWritten(path)
            ? Value.Default(awsDefault, r.At(path))
            : v.Map(s => s ?? awsDefault);
    }

    /// <summary>An optional string, as <see cref="BoolOrDefault"/>; null when neither written nor defaulted.</summary>
    public static Value<string?> OptionalTextOrDefault(this IResourceView r, string path, string? awsDefault = null)
    {
        var v = r.String(path, awsDefault);
        return v.IsUnknown && !r.IsWritten(path) ? Value.Default(awsDefault, r.At(path)) : v;
    }

    /// <summary>A list of references; an empty list when the author did not write it.</summary>
    public static Value<IReadOnlyList<ResourceRef>> RefsOrEmpty(this IResourceView r, string path)
    {
        var v = r.Refs(path);
        return v.IsUnknown && !r.IsWritten(path) ? Value.Default<IReadOnlyList<ResourceRef>>([], r.At(path)) : v;
    }

    /// <summary>A single reference, or known null when the author did not write it.</summary>
    public static Value<ResourceRef?> RefOrNull(this IResourceView r, string path)
    {
        var v = r.Ref(path);
        return v.IsUnknown && !r.IsWritten(path) ? Value.Default<ResourceRef?>(null, r.At(path)) : v;
    }

    /// <summary>The first of several alternative reference attributes that is present, else known null.</summary>
    public static Value<ResourceRef?> FirstRef(this IResourceView r, params string[] paths)
    {
        foreach (var p in paths)
        {
            // Has is also true for a computed attribute nobody wrote; such an attribute is not the link.
            if (r.Has(p) && (r.IsWritten(p) || r.String(p).IsKnown))
            {
                return r.Ref(p);
            }
        }

        return Value.Default<ResourceRef?>(null, r.Provenance);
    }

    /// <summary>A list of strings as one known-or-unknown value; absent is empty.</summary>
    public static Value<IReadOnlyList<string>> StringsOrEmpty(this IResourceView r, string path)
    {
        var v = r.Strings(path);
        return v.IsUnknown && !r.IsWritten(path) ? Value.Default<IReadOnlyList<string>>([], r.At(path)) : v;
    }

    /// <summary>One optional string as a zero- or one-item list (CloudFormation's CidrIp, the VPC rule resources' cidr_ipv4).</summary>
    public static Value<IReadOnlyList<string>> SingleAsList(this IResourceView r, string path) =>
        r.String(path).Map<IReadOnlyList<string>>(s => string.IsNullOrEmpty(s) ? [] : [s]);

    /// <summary>One optional reference as a zero- or one-item list.</summary>
    public static Value<IReadOnlyList<ResourceRef>> RefAsList(this IResourceView r, string path) =>
        r.RefOrNull(path).Map<IReadOnlyList<ResourceRef>>(x => x is null ? [] : [x]);

    /// <summary>A protocol normalised by <see cref="NetworkMath.NormaliseProtocol"/>.</summary>
    public static Value<string> Protocol(this IResourceView r, string path, string awsDefault = NetworkMath.AllProtocols) =>
        r.TextOrDefault(path, awsDefault).Map(NetworkMath.NormaliseProtocol);

    /// <summary>References as the list-of-values shape used for subnet associations.</summary>
    public static IReadOnlyList<Value<ResourceRef?>> AsItems(this Value<IReadOnlyList<ResourceRef>> refs, Provenance at) =>
        refs.IsKnown
            ? refs.Get().Select(x => Value.Of<ResourceRef?>(x, at)).ToList()
            : [Value.Unknown<ResourceRef?>(refs.UnknownReason ?? "unknown", at)];

    /// <summary>
    /// Port range of a rule. With protocol -1 the API ignores ports; the model spells that as the
    /// whole range 0-65535 so that range checks need no special case.
    /// </summary>
    public static (Value<int> From, Value<int> To) Ports(this IResourceView r, Value<string> protocol, string fromPath, string toPath)
    {
        if (protocol.GetOrDefault() == NetworkMath.AllProtocols)
        {
            return (Value.Default(0, r.At(fromPath)), Value.Default(65535, r.At(toPath)));
        }

        return (r.Int(fromPath, 0), r.Int(toPath, 65535));
    }
}
