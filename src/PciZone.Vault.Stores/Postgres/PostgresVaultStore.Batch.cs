using Npgsql;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores;

public sealed partial class PostgresVaultStore
{
    /// <inheritdoc />
    /// <remarks>
    /// At most three statements whatever the batch size: one multi-row insert from arrays that returns the
    /// tokens it stored, then, only for the records that conflicted, a read by lookup and a read by token. Rows are inserted in (lookup, input position) order,
    /// so concurrent batches take their unique-index waits in one global order and cannot deadlock on
    /// lookups, and an in-batch duplicate resolves to its first occurrence. A deadlock through a colliding
    /// token value is still possible in theory; the transaction is then retried.
    /// </remarks>
    public Task<IReadOnlyList<TokenRecord>> InsertOrGetManyAsync(IReadOnlyList<TokenRecord> records, CancellationToken cancellationToken) =>
        InsertOrGetManyAsync(records, static _ => null, cancellationToken);

    private static async Task<IReadOnlyList<TokenRecord>> InsertOrGetManyAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<TokenRecord> records, CancellationToken cancellationToken)
    {
        var tokens = records.Select(r => r.Token).ToArray();
        var lookups = records.Select(r => r.Lookup).ToArray();
        var lookupVersions = records.Select(r => r.LookupKeyVersion).ToArray();
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO vault_tokens({StoreRows.TokenColumns})
            SELECT t, l, lv, pan, fv, profile, last4, at, by
            FROM unnest($1::text[], $2::bytea[], $3::integer[], $4::bytea[], $5::integer[], $6::text[], $7::text[], $8::bigint[], $9::text[])
                 WITH ORDINALITY AS u(t, l, lv, pan, fv, profile, last4, at, by, n)
            ORDER BY l, lv, n
            ON CONFLICT DO NOTHING
            RETURNING token
            """, connection, tx))
        {
            insert.Parameters.Add(P(tokens));
            insert.Parameters.Add(P(lookups));
            insert.Parameters.Add(P(lookupVersions));
            insert.Parameters.Add(P(records.Select(r => r.EncryptedPan).ToArray()));
            insert.Parameters.Add(P(records.Select(r => r.FieldKeyVersion).ToArray()));
            insert.Parameters.Add(P(records.Select(r => r.Profile).ToArray()));
            insert.Parameters.Add(P(records.Select(r => r.Last4).ToArray()));
            insert.Parameters.Add(P(records.Select(r => StoreValues.Ticks(r.CreatedAt)).ToArray()));
            insert.Parameters.Add(P(records.Select(r => r.CreatedBy).ToArray()));
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(reader.GetString(0));
            }
        }

        // A record whose token came back is stored as given; only the rest (conflicts) are read back. A token
        // value twice in one batch (two card numbers drew it) cannot say which of them won, so both are read.
        var result = new TokenRecord?[records.Count];
        var repeated = tokens.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if (inserted.Contains(tokens[i]) && !repeated.Contains(tokens[i]))
            {
                result[i] = records[i] with { CreatedAt = StoreValues.Time(StoreValues.Ticks(records[i].CreatedAt)) };
            }
        }

        var unknown = Enumerable.Range(0, records.Count).Where(i => result[i] is null).ToArray();
        if (unknown.Length > 0)
        {
            await using var byLookup = new NpgsqlCommand($"""
                SELECT u.n, {Prefixed("v.")} FROM unnest($1::bytea[], $2::integer[], $3::bigint[]) AS u(l, lv, n)
                JOIN vault_tokens v ON v.lookup = u.l AND v.lookup_key_version = u.lv
                """, connection, tx);
            byLookup.Parameters.Add(P(unknown.Select(i => lookups[i]).ToArray()));
            byLookup.Parameters.Add(P(unknown.Select(i => lookupVersions[i]).ToArray()));
            byLookup.Parameters.Add(P(unknown.Select(i => (long)i + 1).ToArray()));
            await FillAsync(byLookup, result, cancellationToken);
        }

        var missing = Enumerable.Range(0, records.Count).Where(i => result[i] is null).ToArray();
        if (missing.Length > 0)
        {
            // Only token-value collisions are left: hand back the owner's record, as the single insert does.
            await using var byToken = new NpgsqlCommand($"""
                SELECT u.n, {Prefixed("v.")} FROM unnest($1::text[], $2::bigint[]) AS u(t, n)
                JOIN vault_tokens v ON v.token = u.t
                """, connection, tx);
            byToken.Parameters.Add(P(missing.Select(i => tokens[i]).ToArray()));
            byToken.Parameters.Add(P(missing.Select(i => (long)i + 1).ToArray()));
            await FillAsync(byToken, result, cancellationToken);
        }

        return result.Select(r => r ?? throw new InvalidOperationException("A token insert conflicted, yet no conflicting record exists.")).ToList();
    }

    private static async Task FillAsync(NpgsqlCommand query, TokenRecord?[] result, CancellationToken cancellationToken)
    {
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetInt64(0) - 1] = StoreRows.Token(reader, 1);
        }
    }

    private static string Prefixed(string alias) =>
        string.Join(", ", StoreRows.TokenColumns.Split(", ").Select(c => alias + c));
}
