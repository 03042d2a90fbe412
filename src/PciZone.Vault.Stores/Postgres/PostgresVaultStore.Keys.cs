using Npgsql;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores;

public sealed partial class PostgresVaultStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredDataKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        await using var query = _dataSource.CreateCommand($"SELECT {StoreRows.KeyColumns} FROM vault_keys ORDER BY purpose, version");
        var keys = new List<StoredDataKey>();
        await using var r = await query.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            keys.Add(StoreRows.Key(r));
        }

        return keys;
    }

    /// <inheritdoc />
    /// <remarks>Older active versions of the purpose are retired at the new version's activation time, in
    /// the same transaction. A version that exists already throws <see cref="InvalidOperationException"/>.</remarks>
    public async Task AddKeyAsync(StoredDataKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(key.WrappedKey, nameof(key));
        await InTransactionAsync(async (c, tx) =>
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO vault_keys(purpose, version, wrapped_key, kek_provider, kek_id, created_at_ticks,
                                       activated_at_ticks, retired_at_ticks, crypto_period_ends_ticks)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT DO NOTHING
                """, c, tx);
            insert.Parameters.Add(P(StoreValues.Purpose(key.Purpose)));
            insert.Parameters.Add(P(key.Version));
            insert.Parameters.Add(P(key.WrappedKey));
            insert.Parameters.Add(P(key.KekProvider));
            insert.Parameters.Add(P(key.KekId));
            insert.Parameters.Add(P(StoreValues.Ticks(key.CreatedAt)));
            insert.Parameters.Add(P(StoreValues.Ticks(key.ActivatedAt)));
            insert.Parameters.Add(P(key.RetiredAt is { } retired ? StoreValues.Ticks(retired) : (long?)null));
            insert.Parameters.Add(P(StoreValues.Ticks(key.CryptoPeriodEnds)));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw StoreValues.DuplicateKey(key);
            }

            await using var retire = new NpgsqlCommand("""
                UPDATE vault_keys SET retired_at_ticks = $1
                WHERE purpose = $2 AND version < $3 AND retired_at_ticks IS NULL
                """, c, tx);
            retire.Parameters.Add(P(StoreValues.Ticks(key.ActivatedAt)));
            retire.Parameters.Add(P(StoreValues.Purpose(key.Purpose)));
            retire.Parameters.Add(P(key.Version));
            return await retire.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>An unknown version throws <see cref="KeyNotFoundException"/>.</remarks>
    public async Task UpdateWrappedKeyAsync(KeyPurpose purpose, int version, byte[] wrappedKey, string kekProvider, string kekId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrappedKey);
        ArgumentNullException.ThrowIfNull(kekProvider);
        ArgumentNullException.ThrowIfNull(kekId);
        await using var update = _dataSource.CreateCommand("""
            UPDATE vault_keys SET wrapped_key = $1, kek_provider = $2, kek_id = $3 WHERE purpose = $4 AND version = $5
            """);
        update.Parameters.Add(P(wrappedKey));
        update.Parameters.Add(P(kekProvider));
        update.Parameters.Add(P(kekId));
        update.Parameters.Add(P(StoreValues.Purpose(purpose)));
        update.Parameters.Add(P(version));
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw StoreValues.MissingKey(purpose, version);
        }
    }
}
