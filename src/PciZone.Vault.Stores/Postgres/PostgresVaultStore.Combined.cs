using Npgsql;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores;

/// <remarks>
/// New tokens and their audit entries commit together. Single inserts are group-committed: the calls that
/// arrive while one transaction commits share the next one, so a burst of tokenisations costs one WAL flush
/// per group instead of two per call. A transaction takes the chain-head lock only after its inserts, so
/// inserts of concurrent transactions still overlap; and since it waits for no row once it holds that lock,
/// the lock adds no deadlock.
/// </remarks>
public sealed partial class PostgresVaultStore
{
    /// <inheritdoc />
    public async Task<TokenRecord> InsertOrGetAsync(TokenRecord record, Func<TokenRecord, AuditDraft?> audit, CancellationToken cancellationToken)
    {
        StoreValues.Check(record);
        ArgumentNullException.ThrowIfNull(audit);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingInsert(record, audit, new TaskCompletionSource<TokenRecord>(TaskCreationOptions.RunContinuationsAsynchronously));
        _inserts.Enqueue(pending);
        return await pending.Done.Task;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TokenRecord>> InsertOrGetManyAsync(IReadOnlyList<TokenRecord> records, Func<IReadOnlyList<TokenRecord>, IReadOnlyList<AuditDraft>?> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(audit);
        foreach (var r in records)
        {
            StoreValues.Check(r);
        }

        if (records.Count == 0)
        {
            return [];
        }

        return await InTransactionAsync((c, tx) => InsertAndAuditAsync(c, tx, records, audit, cancellationToken), cancellationToken);
    }

    private async Task FlushInsertsAsync(List<PendingInsert> batch)
    {
        try
        {
            var records = batch.ConvertAll(p => p.Record);
            var stored = await InTransactionAsync(
                (c, tx) => InsertAndAuditAsync(c, tx, records, s => [.. batch.Select((p, i) => p.Audit(s[i])).OfType<AuditDraft>()], CancellationToken.None),
                CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(stored[i]);
            }
        }
        catch (Exception e)
        {
            batch.ForEach(p => p.Done.TrySetException(e));
        }
    }

    private static async Task<IReadOnlyList<TokenRecord>> InsertAndAuditAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction tx,
        IReadOnlyList<TokenRecord> records,
        Func<IReadOnlyList<TokenRecord>, IReadOnlyList<AuditDraft>?> audit,
        CancellationToken cancellationToken)
    {
        var stored = await InsertOrGetManyAsync(connection, tx, records, cancellationToken);
        if (audit(stored) is { Count: > 0 } drafts)
        {
            StoreValues.Check(drafts);
            await AppendAsync(connection, tx, [.. drafts], cancellationToken);
        }

        return stored;
    }

    private sealed record PendingInsert(TokenRecord Record, Func<TokenRecord, AuditDraft?> Audit, TaskCompletionSource<TokenRecord> Done);
}
