using Npgsql;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores;

public sealed partial class PostgresVaultStore
{
    /// <inheritdoc />
    public async Task<TokenRecord?> FindByLookupAsync(byte[] lookup, int lookupKeyVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        await using var query = _dataSource.CreateCommand($"SELECT {StoreRows.TokenColumns} FROM vault_tokens WHERE lookup = $1 AND lookup_key_version = $2");
        query.Parameters.Add(P(lookup));
        query.Parameters.Add(P(lookupKeyVersion));
        return await ReadOneAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TokenRecord?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var query = _dataSource.CreateCommand($"SELECT {StoreRows.TokenColumns} FROM vault_tokens WHERE token = $1");
        query.Parameters.Add(P(token));
        return await ReadOneAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One autocommit INSERT ... ON CONFLICT DO NOTHING: when another instance is inserting the same lookup,
    /// PostgreSQL makes this statement wait for it to commit, after which the read sees its row (READ
    /// COMMITTED takes a new snapshot per statement). No group commit here: concurrent autocommits already
    /// share WAL flushes in the server, and measured faster than batching them client-side. When only the
    /// token value collides (another PAN owns it), the returned record is that other PAN's: the caller sees
    /// a different lookup and retries with a new token.
    /// </remarks>
    public Task<TokenRecord> InsertOrGetAsync(TokenRecord record, CancellationToken cancellationToken)
    {
        StoreValues.Check(record);
        return InsertOrGetOneAsync(record, cancellationToken);
    }

    private async Task<TokenRecord> InsertOrGetOneAsync(TokenRecord record, CancellationToken cancellationToken)
    {
        await using (var insert = _dataSource.CreateCommand($"""
            INSERT INTO vault_tokens({StoreRows.TokenColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT DO NOTHING
            """))
        {
            AddTokenParameters(insert, record);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return record with { CreatedAt = StoreValues.Time(StoreValues.Ticks(record.CreatedAt)) };
            }
        }

        return await FindByLookupAsync(record.Lookup, record.LookupKeyVersion, cancellationToken)
            ?? await FindByTokenAsync(record.Token, cancellationToken)
            ?? throw new InvalidOperationException("The token insert conflicted, yet no conflicting record exists.");
    }

    /// <inheritdoc />
    public async Task<bool> UpdateProtectionAsync(string token, byte[] encryptedPan, int fieldKeyVersion, byte[] lookup, int lookupKeyVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(encryptedPan);
        ArgumentNullException.ThrowIfNull(lookup);
        await using var update = _dataSource.CreateCommand("""
            UPDATE vault_tokens SET encrypted_pan = $1, field_key_version = $2, lookup = $3, lookup_key_version = $4
            WHERE token = $5
            """);
        update.Parameters.Add(P(encryptedPan));
        update.Parameters.Add(P(fieldKeyVersion));
        update.Parameters.Add(P(lookup));
        update.Parameters.Add(P(lookupKeyVersion));
        update.Parameters.Add(P(token));
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TokenRecord>> FindStaleAsync(int fieldKeyVersion, int lookupKeyVersion, string? afterToken, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var query = _dataSource.CreateCommand($"""
            SELECT {StoreRows.TokenColumns} FROM vault_tokens
            WHERE token > $4 AND (field_key_version < $1 OR lookup_key_version < $2)
            ORDER BY token LIMIT $3
            """);
        query.Parameters.Add(P(fieldKeyVersion));
        query.Parameters.Add(P(lookupKeyVersion));
        query.Parameters.Add(P(limit));
        // Every token is non-empty, so "" comes before all of them in any collation.
        query.Parameters.Add(P(afterToken ?? ""));
        var result = new List<TokenRecord>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(StoreRows.Token(reader));
        }

        return result;
    }

    private static void AddTokenParameters(NpgsqlCommand command, TokenRecord record)
    {
        command.Parameters.Add(P(record.Token));
        command.Parameters.Add(P(record.Lookup));
        command.Parameters.Add(P(record.LookupKeyVersion));
        command.Parameters.Add(P(record.EncryptedPan));
        command.Parameters.Add(P(record.FieldKeyVersion));
        command.Parameters.Add(P(record.Profile));
        command.Parameters.Add(P(record.Last4));
        command.Parameters.Add(P(StoreValues.Ticks(record.CreatedAt)));
        command.Parameters.Add(P(record.CreatedBy));
    }

    private static async Task<TokenRecord?> ReadOneAsync(NpgsqlCommand query, CancellationToken cancellationToken)
    {
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? StoreRows.Token(reader) : null;
    }

}
