using PciZone.Vault.Contracts;
using PciZone.Vault.Keys;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Service;

public sealed partial class TokenVault
{
    /// <summary>
    /// After the lookup key rotates, a card number's record keeps its old lookup until re-encryption moves
    /// it; without this search, tokenising it again in between would make a second token. Once no record
    /// under an older lookup version is left, the search is skipped for good (new records use the newest).
    /// </summary>
    private async Task<TokenRecord?> FindUnderOlderLookupKeysAsync(TokenProfile profile, string pan, int currentVersion, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref lookupCleanFrom) >= currentVersion)
        {
            return null;
        }

        // Whether any record is left under an older lookup version takes a scan of the table, so while
        // re-encryption is still moving records a "yes" is trusted for StaleRecheck instead of asked per call.
        // Trusting it is always safe: it only means the point lookups below run.
        var now = time.GetUtcNow().UtcTicks;
        if (Volatile.Read(ref staleSeenFor) != currentVersion || now - Volatile.Read(ref staleSeenAt) >= StaleRecheck.Ticks)
        {
            // Field version 0 matches nothing, so this asks only for records under an older lookup version.
            var stale = await store.FindStaleAsync(0, currentVersion, null, 1, cancellationToken);
            if (stale.Count == 0)
            {
                Volatile.Write(ref lookupCleanFrom, Math.Max(Volatile.Read(ref lookupCleanFrom), currentVersion));
                return null;
            }

            Volatile.Write(ref staleSeenAt, now);
            Volatile.Write(ref staleSeenFor, currentVersion);
        }

        var older = keys.Versions.Where(v => v.Purpose == KeyPurpose.Lookup && v.Version < currentVersion).Select(v => v.Version).OrderDescending();
        foreach (var version in older)
        {
            var lookup = PanProtection.Lookup(keys.Get(KeyPurpose.Lookup, version), pan, profile.Name);
            var found = await store.FindByLookupAsync(lookup, version, cancellationToken);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
