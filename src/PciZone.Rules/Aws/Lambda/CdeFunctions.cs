using PciZone.Estate;

namespace PciZone.Rules.Aws.Lambda;

/// <summary>Which functions are in the cardholder data environment.</summary>
internal static class CdeFunctions
{
    /// <summary>The tag that puts a resource in the CDE.</summary>
    public const string CdeTag = CdeTags.Cde;

    /// <summary>True when the function is tagged <c>pcizone:cde=true</c>.</summary>
    public static bool InCde(LambdaFunction function) => CdeTags.IsTaggedCde(function);
}
