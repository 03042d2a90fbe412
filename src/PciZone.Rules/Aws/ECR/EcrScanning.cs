using PciZone.Estate;

namespace PciZone.Rules.Aws.ECR;

/// <summary>Whether the registry scanning configuration in the estate scans a repository.</summary>
internal static class EcrScanning
{
    private static readonly string[] ScanningFrequencies = ["SCAN_ON_PUSH", "CONTINUOUS_SCAN"];

    /// <summary>The registry scanning configuration of the estate (one per account and region), or null.</summary>
    public static EcrRegistryScanning? Registry(AwsEstate estate) =>
        estate.Memo("ecr-registry-scanning", e => new Holder(e.OfType<EcrRegistryScanning>().FirstOrDefault())).Value;

    /// <summary>
    /// True when a registry rule that scans (on push or continuously) has a filter matching the
    /// repository name, false when none does, unknown when a name or filter that decides it is unknown.
    /// </summary>
    public static Value<bool> RegistryCovers(EcrRegistryScanning registry, EcrRepository repository)
    {
        var unknown = (Value<bool>?)null;
        foreach (var rule in registry.Rules)
        {
            if (rule.Frequency.IsUnknown || rule.RepositoryFilters.IsUnknown)
            {
                unknown ??= Value.Unknown<bool>("a registry scanning rule is unknown until apply", registry.Provenance);
                continue;
            }

            if (!ScanningFrequencies.Contains(rule.Frequency.Get(), StringComparer.Ordinal))
            {
                continue;
            }

            foreach (var filter in rule.RepositoryFilters.Get())
            {
                if (filter == "*")
                {
                    return Value.Of(true, rule.Frequency.Source);
                }

                if (repository.Name.IsUnknown)
                {
                    unknown ??= Value.Unknown<bool>($"the repository name is unknown ({repository.Name.UnknownReason})", repository.Name.Source);
                }
                else if (repository.Name.Get() is { } name && Wildcard.Matches(filter, name))
                {
                    return Value.Of(true, rule.Frequency.Source);
                }
            }
        }

        return unknown ?? Value.Of(false, registry.Provenance);
    }

    private sealed record Holder(EcrRegistryScanning? Value);
}
