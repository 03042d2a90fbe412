using Microsoft.Data.Sqlite;
using PciZone.Vault.Contracts;
using PciZone.Vault.Stores.Sqlite;

namespace PciZone.Vault.Stores;

public sealed partial class SqliteVaultStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDataKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_readers.Read(ReadKeys));
    }

    private static IReadOnlyList<StoredDataKey> ReadKeys(SqliteSession session)
    {
        var query = session.Command($"SELECT {StoreRows.KeyColumns} FROM vault_keys ORDER BY purpose, version");
        var keys = new List<StoredDataKey>();
        using var r = query.ExecuteReader();
        while (r.Read())
        {
            keys.Add(StoreRows.Key(r));
        }

        return keys;
    }

    /// <inheritdoc />
    /// <remarks>Older active versions of the purpose are retired at the new version's activation time.
    /// A version that exists already throws <see cref="InvalidOperationException"/>.</remarks>
    public Task AddKeyAsync(StoredDataKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(key.WrappedKey, nameof(key));
        return WriteAsync(cancellationToken, w =>
        {
            var insert = w.Command("""
                INSERT INTO vault_keys(purpose, version, wrapped_key, kek_provider, kek_id, created_at_ticks,
                                       activated_at_ticks, retired_at_ticks, crypto_period_ends_ticks)
                VALUES ($p, $v, $w, $kp, $kid, $c, $a, $r, $e)
                ON CONFLICT DO NOTHING
                """);
            insert.Parameters.AddWithValue("$p", StoreValues.Purpose(key.Purpose));
            insert.Parameters.AddWithValue("$v", key.Version);
            insert.Parameters.AddWithValue("$w", key.WrappedKey);
            insert.Parameters.AddWithValue("$kp", key.KekProvider);
            insert.Parameters.AddWithValue("$kid", key.KekId);
            insert.Parameters.AddWithValue("$c", StoreValues.Ticks(key.CreatedAt));
            insert.Parameters.AddWithValue("$a", StoreValues.Ticks(key.ActivatedAt));
            insert.Parameters.AddWithValue("$r", key.RetiredAt is { } retired ? StoreValues.Ticks(retired) : DBNull.Value);
            insert.Parameters.AddWithValue("$e", StoreValues.Ticks(key.CryptoPeriodEnds));
            if (insert.ExecuteNonQuery() != 1)
            {
                throw StoreValues.DuplicateKey(key);
            }

            var retire = w.Command("""
                UPDATE vault_keys SET retired_at_ticks = $a
                WHERE purpose = $p AND version < $v AND retired_at_ticks IS NULL
                """);
            retire.Parameters.AddWithValue("$a", StoreValues.Ticks(key.ActivatedAt));
            retire.Parameters.AddWithValue("$p", StoreValues.Purpose(key.Purpose));
            retire.Parameters.AddWithValue("$v", key.Version);
            return retire.ExecuteNonQuery();
        });
    }

    /// <inheritdoc />
    /// <remarks>An unknown version throws <see cref="KeyNotFoundException"/>.</remarks>
    public async Task UpdateWrappedKeyAsync(KeyPurpose purpose, int version, byte[] wrappedKey, string kekProvider, string kekId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrappedKey);
        ArgumentNullException.ThrowIfNull(kekProvider);
        ArgumentNullException.ThrowIfNull(kekId);
        var updated = await WriteAsync(cancellationToken, w =>
        {
            var update = w.Command("""
                UPDATE vault_keys SET wrapped_key = $w, kek_provider = $kp, kek_id = $kid
                WHERE purpose = $p AND version = $v
                """);
            update.Parameters.AddWithValue("$w", wrappedKey);
            update.Parameters.AddWithValue("$kp", kekProvider);
            update.Parameters.AddWithValue("$kid", kekId);
            update.Parameters.AddWithValue("$p", StoreValues.Purpose(purpose));
            update.Parameters.AddWithValue("$v", version);
            return update.ExecuteNonQuery();
        });
        if (updated != 1)
        {
            throw StoreValues.MissingKey(purpose, version);
        }
    }
}
