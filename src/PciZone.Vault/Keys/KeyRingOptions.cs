using PciZone.Vault.Contracts;

namespace PciZone.Vault.Keys;

/// <summary>Key ring settings.</summary>
/// <param name="CryptoPeriod">How long a new data key version is to be used for new work (PCI DSS 3.7.4), e.g. 365 days.</param>
public sealed record KeyRingOptions(TimeSpan CryptoPeriod);

/// <summary>An active data key version whose crypto-period has ended: rotate it.</summary>
/// <param name="Purpose">The key's purpose.</param>
/// <param name="Version">The active version that is past its crypto-period.</param>
/// <param name="CryptoPeriodEnded">When its crypto-period ended.</param>
public sealed record KeyRingWarning(KeyPurpose Purpose, int Version, DateTimeOffset CryptoPeriodEnded)
{
    /// <summary>A sentence for logs and the CLI.</summary>
    public string Message =>
        $"{Purpose} key v{Version} passed the end of its crypto-period on {CryptoPeriodEnded:yyyy-MM-dd}; rotate it (PCI DSS 3.7.4).";
}
