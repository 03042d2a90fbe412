using Microsoft.Data.Sqlite;
using PciZone.Vault.Contracts;
using PciZone.Vault.Stores.Sqlite;

namespace PciZone.Vault.Stores;

public sealed partial class SqliteVaultStore
{
    private const string InsertSql =
        $"INSERT INTO vault_tokens({StoreRows.TokenColumns}) VALUES ($t, $l, $lv, $pan, $fv, $profile, $last4, $at, $by) ON CONFLICT DO NOTHING";

    private const string FindByLookupSql = $"SELECT {StoreRows.TokenColumns} FROM vault_tokens WHERE lookup = $l AND lookup_key_version = $lv";

    private const string FindByTokenSql = $"SELECT {StoreRows.TokenColumns} FROM vault_tokens WHERE token = $t";

    private const string FindStaleSql =
        $"SELECT {StoreRows.TokenColumns} FROM vault_tokens WHERE token > $after AND (field_key_version < $fv OR lookup_key_version < $lv) ORDER BY token LIMIT $limit";

    /// <inheritdoc />
    public Task<TokenRecord?> FindByLookupAsync(byte[] lookup, int lookupKeyVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_readers.Read(s => FindByLookup(s.Command, lookup, lookupKeyVersion)));
    }

    /// <inheritdoc />
    public Task<TokenRecord?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_readers.Read(s => FindByToken(s.Command, token)));
    }

    /// <inheritdoc />
    /// <remarks>
    /// When only the token value collides (another PAN already owns it), the returned record is that other
    /// PAN's record: the caller sees a different <see cref="TokenRecord.Lookup"/> and must retry with a new token.
    /// </remarks>
    public Task<TokenRecord> InsertOrGetAsync(TokenRecord record, CancellationToken cancellationToken) =>
        InsertOrGetAsync(record, static _ => null, cancellationToken);

    /// <inheritdoc />
    public Task<TokenRecord> InsertOrGetAsync(TokenRecord record, Func<TokenRecord, AuditDraft?> audit, CancellationToken cancellationToken)
    {
        StoreValues.Check(record);
        ArgumentNullException.ThrowIfNull(audit);
        return WriteAsync(cancellationToken, w =>
        {
            var stored = InsertOrGet(w, record);
            if (audit(stored) is { } draft)
            {
                StoreValues.Check([draft]);
                w.Audit([draft]);
            }

            return stored;
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TokenRecord>> InsertOrGetManyAsync(IReadOnlyList<TokenRecord> records, CancellationToken cancellationToken) =>
        InsertOrGetManyAsync(records, static _ => null, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TokenRecord>> InsertOrGetManyAsync(IReadOnlyList<TokenRecord> records, Func<IReadOnlyList<TokenRecord>, IReadOnlyList<AuditDraft>?> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(audit);
        foreach (var r in records)
        {
            StoreValues.Check(r);
        }

        // The write lock is held for the whole batch, so in-batch duplicates resolve to the first
        // occurrence exactly as they would across separate calls.
        return WriteAsync<IReadOnlyList<TokenRecord>>(cancellationToken, w =>
        {
            var stored = new TokenRecord[records.Count];
            for (var i = 0; i < stored.Length; i++)
            {
                stored[i] = InsertOrGet(w, records[i]);
            }

            if (audit(stored) is { Count: > 0 } drafts)
            {
                StoreValues.Check(drafts);
                w.Audit(drafts);
            }

            return stored;
        });
    }

    /// <inheritdoc />
    public Task<bool> UpdateProtectionAsync(string token, byte[] encryptedPan, int fieldKeyVersion, byte[] lookup, int lookupKeyVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(encryptedPan);
        ArgumentNullException.ThrowIfNull(lookup);
        return WriteAsync(cancellationToken, w =>
        {
            var update = w.Command("""
                UPDATE vault_tokens SET encrypted_pan = $pan, field_key_version = $fv, lookup = $l, lookup_key_version = $lv
                WHERE token = $t
                """);
            update.Parameters.AddWithValue("$pan", encryptedPan);
            update.Parameters.AddWithValue("$fv", fieldKeyVersion);
            update.Parameters.AddWithValue("$l", lookup);
            update.Parameters.AddWithValue("$lv", lookupKeyVersion);
            update.Parameters.AddWithValue("$t", token);
            return update.ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TokenRecord>> FindStaleAsync(int fieldKeyVersion, int lookupKeyVersion, string? afterToken, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<TokenRecord>>(_readers.Read(s =>
        {
            var query = s.Command(FindStaleSql);
            query.Parameters.AddWithValue("$fv", fieldKeyVersion);
            query.Parameters.AddWithValue("$lv", lookupKeyVersion);
            // Every token is non-empty, so "" comes before all of them.
            query.Parameters.AddWithValue("$after", afterToken ?? "");
            query.Parameters.AddWithValue("$limit", limit);
            var result = new List<TokenRecord>();
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                result.Add(StoreRows.Token(reader));
            }

            return result;
        }));
    }

    private static TokenRecord InsertOrGet(SqliteWrite write, TokenRecord record)
    {
        var insert = write.Command(InsertSql);
        insert.Parameters.AddWithValue("$t", record.Token);
        insert.Parameters.AddWithValue("$l", record.Lookup);
        insert.Parameters.AddWithValue("$lv", record.LookupKeyVersion);
        insert.Parameters.AddWithValue("$pan", record.EncryptedPan);
        insert.Parameters.AddWithValue("$fv", record.FieldKeyVersion);
        insert.Parameters.AddWithValue("$profile", record.Profile);
        insert.Parameters.AddWithValue("$last4", record.Last4);
        insert.Parameters.AddWithValue("$at", StoreValues.Ticks(record.CreatedAt));
        insert.Parameters.AddWithValue("$by", record.CreatedBy);
        if (insert.ExecuteNonQuery() == 1)
        {
            return record with { CreatedAt = StoreValues.Time(StoreValues.Ticks(record.CreatedAt)) };
        }

        // The same PAN wins over a colliding token value: it is the record the caller asked for.
        return FindByLookup(write.Command, record.Lookup, record.LookupKeyVersion)
            ?? FindByToken(write.Command, record.Token)
            ?? throw new InvalidOperationException("The token insert conflicted, yet no conflicting record exists.");
    }

    private static TokenRecord? FindByLookup(Func<string, SqliteCommand> command, byte[] lookup, int lookupKeyVersion)
    {
        var query = command(FindByLookupSql);
        query.Parameters.AddWithValue("$l", lookup);
        query.Parameters.AddWithValue("$lv", lookupKeyVersion);
        return ReadOne(query);
    }

    private static TokenRecord? FindByToken(Func<string, SqliteCommand> command, string token)
    {
        var query = command(FindByTokenSql);
        query.Parameters.AddWithValue("$t", token);
        return ReadOne(query);
    }

    private static TokenRecord? ReadOne(SqliteCommand query)
    {
        using var reader = query.ExecuteReader();
        return reader.Read() ? StoreRows.Token(reader) : null;
    }
}
