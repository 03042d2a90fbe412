using PciZone.Estate;

namespace PciZone.Rules.Aws.EKS;

internal sealed class EksClusterKubernetesVersionSupported : ResourceRule<EksCluster>
{
    // End of standard support per minor version (Amazon EKS user guide, Kubernetes version lifecycle).
    // Update it when EKS releases a version; a version that is not listed is reported as Unknown.
    private static readonly Dictionary<string, DateOnly> EndOfStandardSupport = new(StringComparer.Ordinal)
    {
        ["1.23"] = new(2023, 10, 11),
        ["1.24"] = new(2024, 1, 31),
        ["1.25"] = new(2024, 5, 1),
        ["1.26"] = new(2024, 6, 11),
        ["1.27"] = new(2024, 7, 24),
        ["1.28"] = new(2024, 11, 26),
        ["1.29"] = new(2025, 3, 23),
        ["1.30"] = new(2025, 7, 23),
        ["1.31"] = new(2025, 11, 26),
        ["1.32"] = new(2026, 3, 23),
        ["1.33"] = new(2026, 7, 29),
        ["1.34"] = new(2026, 12, 2),
        ["1.35"] = new(2027, 3, 27),
    };

    protected override Outcome Check(EksCluster cluster, RuleContext context)
    {
        if (cluster.Version.IsUnknown)
        {
            return Outcome.Unknown($"The Kubernetes version is unknown until apply: {cluster.Version.UnknownReason}.", cluster.Version.Source);
        }

        if (cluster.Version.Get() is not { } version)
        {
            return Outcome.Pass("No version is pinned: EKS creates the cluster with its current default version.");
        }

        var today = DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime);
        if (EndOfStandardSupport.TryGetValue(version, out var end))
        {
            return end <= today
                ? Outcome.Fail($"Kubernetes {version} left standard support on {end:yyyy-MM-dd}: upstream patches stop and only paid extended support remains.", cluster.Version.Source)
                : Outcome.Pass($"Kubernetes {version} is in standard support until {end:yyyy-MM-dd}.");
        }

        var minor = version.Split('.') is [var a, var b, ..] && int.TryParse(a, out var major) && int.TryParse(b, out var m) ? (major, m) : ((int, int)?)null;
        return minor is (1, < 23)
            ? Outcome.Fail($"Kubernetes {version} is long past the end of support.", cluster.Version.Source)
            : Outcome.Unknown($"Kubernetes {version} is not in PciZone's EKS version calendar.", cluster.Version.Source);
    }
}
