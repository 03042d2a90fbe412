namespace PciZone.Estate;

/// <summary>
/// How a resource is put in the cardholder data environment: <c>pcizone:cde=true</c> (the landing zone sets
/// it on every resource of a CDE stage), or <c>pcizone:data-class=cardholder-data</c> on a data store.
/// One place for every rule that scopes itself to the CDE, and for the default CDE selectors of pcizone scope.
/// </summary>
public static class CdeTags
{
    /// <summary>The tag that puts a resource in the CDE when it is <c>true</c>.</summary>
    public const string Cde = "pcizone:cde";

    /// <summary>The tag that makes a system an approved entry point into the CDE when it is <c>true</c> (pcizone scope).</summary>
    public const string EntryPoint = "pcizone:entry-point";

    /// <summary>The tag that names a resource's data class.</summary>
    public const string DataClass = "pcizone:data-class";

    /// <summary>The value of the CDE tag: true, false, or null when the resource has none.</summary>
    public static bool? Tagged(Resource r) =>
        r.Tags.TryGetValue(Cde, out var v) ? string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>True when the resource is tagged <c>pcizone:cde=true</c>.</summary>
    public static bool IsTaggedCde(Resource r) => Tagged(r) == true;

    /// <summary>True when the resource is tagged as part of the CDE or as holding cardholder data.</summary>
    public static bool IsCde(Resource r) =>
        IsTaggedCde(r) || (r.Tags.TryGetValue(DataClass, out var dataClass) && dataClass == "cardholder-data");
}
