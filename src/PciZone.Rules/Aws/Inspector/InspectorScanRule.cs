using PciZone.Estate;

namespace PciZone.Rules.Aws.Inspector;

/// <summary>
/// Base for "Inspector scans this resource type": each enabler passes when, for every account it
/// names, some enabler of the estate turns the scan type on. Accounts are often split over several
/// enablers (one per scan type), so an enabler is judged with its siblings, not alone.
/// </summary>
internal abstract class InspectorScanRule : ResourceRule<InspectorEnabler>
{
    /// <summary>The resource type value of <c>aws_inspector2_enabler</c> (<c>EC2</c>, <c>ECR</c>, <c>LAMBDA</c>, <c>LAMBDA_CODE</c>).</summary>
    protected abstract string ScanType { get; }

    /// <summary>What the scan covers, for messages.</summary>
    protected abstract string Scans { get; }

    protected override Outcome Check(InspectorEnabler enabler, RuleContext context)
    {
        if (enabler.ResourceTypes.TryGet(out var types) && types.Contains(ScanType, StringComparer.Ordinal))
        {
            return Outcome.Pass($"Inspector {ScanType} scanning of {Scans} is enabled.");
        }

        if (enabler.ResourceTypes.IsUnknown || enabler.AccountIds.IsUnknown)
        {
            return Outcome.Unknown($"The enabler's scan types or accounts are unknown until apply: {enabler.ResourceTypes.UnknownReason ?? enabler.AccountIds.UnknownReason}.", enabler.Provenance);
        }

        var enabledFor = context.Estate.Memo($"inspector-accounts-{ScanType}", EnabledAccounts);
        var missing = enabler.AccountIds.Get().Where(a => !enabledFor.Contains(a)).ToList();
        return missing.Count == 0
            ? Outcome.Pass($"Another enabler turns on Inspector {ScanType} scanning for this enabler's accounts.")
            : Outcome.Fail($"Inspector {ScanType} scanning of {Scans} is not enabled for account(s) {string.Join(", ", missing)}.", enabler.ResourceTypes.Source);
    }

    private HashSet<string> EnabledAccounts(AwsEstate estate)
    {
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in estate.OfType<InspectorEnabler>())
        {
            if (e.ResourceTypes.TryGet(out var types) && types.Contains(ScanType, StringComparer.Ordinal))
            {
                accounts.UnionWith(e.AccountIds.GetOrDefault([])!);
            }
        }

        return accounts;
    }
}
