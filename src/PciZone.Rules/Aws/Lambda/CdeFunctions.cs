using PciZone.Estate;

namespace PciZone.Rules.Aws.Lambda;

/// <summary>Which functions are in the cardholder data environment.</summary>
internal static class CdeFunctions
{
    /// <summary>The tag that puts a resource in the CDE (the landing zone sets it on every resource of a CDE stage).</summary>
    public const string CdeTag = "pcizone:cde";

    /// <summary>True when the function is tagged <c>pcizone:cde=true</c>.</summary>
    public static bool InCde(LambdaFunction function) =>
        function.Tags.TryGetValue(CdeTag, out var cde) && string.Equals(cde, "true", StringComparison.OrdinalIgnoreCase);
}
