using Npgsql;
using PciZone.Vault.Audit;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores;

public sealed partial class PostgresVaultStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The chain-head row is locked FOR UPDATE first: a concurrent appender in any instance waits there and,
    /// once it gets the lock, reads the head this transaction moved. Because the lock is held until commit,
    /// appends from one instance are group-committed: those queued while one commits go in the next
    /// transaction together, in arrival order, each call's entries kept contiguous.
    /// </remarks>
    public async Task AppendAuditAsync(IReadOnlyList<AuditDraft> entries, CancellationToken cancellationToken)
    {
        StoreValues.Check(entries);
        cancellationToken.ThrowIfCancellationRequested();
        if (entries.Count == 0)
        {
            return;
        }

        var pending = new PendingAudit(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _audits.Enqueue(pending);
        await pending.Done.Task;
    }

    private async Task FlushAuditAsync(List<PendingAudit> batch)
    {
        try
        {
            var drafts = batch.SelectMany(p => p.Entries).ToList();
            await InTransactionAsync((c, tx) => AppendAsync(c, tx, drafts, CancellationToken.None), CancellationToken.None);
            batch.ForEach(p => p.Done.TrySetResult());
        }
        catch (Exception e)
        {
            batch.ForEach(p => p.Done.TrySetException(e));
        }
    }

    private static async Task<int> AppendAsync(NpgsqlConnection c, NpgsqlTransaction tx, List<AuditDraft> entries, CancellationToken cancellationToken)
    {
        AuditEntry head;
        await using (var read = new NpgsqlCommand("SELECT sequence, hash FROM vault_audit_head WHERE id = 1 FOR UPDATE", c, tx))
        await using (var r = await read.ExecuteReaderAsync(cancellationToken))
        {
            if (!await r.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("The audit chain head is missing; the store was tampered with or not initialised.");
            }

            // Link needs only the previous sequence and hash; the head row carries both.
            head = new AuditEntry(r.GetInt64(0), default, "", "", "", "", AuditChain.Genesis, r.GetFieldValue<byte[]>(1));
        }

        var linked = AuditChain.Link(head.Sequence == 0 ? null : head, entries);
        await using var batch = new NpgsqlBatch(c, tx);
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO vault_audit(sequence, at_ticks, actor, action, subject, outcome, previous_hash, hash)
            SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bytea[], $8::bytea[])
            """);
        insert.Parameters.Add(P(linked.Select(e => e.Sequence).ToArray()));
        insert.Parameters.Add(P(linked.Select(e => StoreValues.Ticks(e.At)).ToArray()));
        insert.Parameters.Add(P(linked.Select(e => e.Actor).ToArray()));
        insert.Parameters.Add(P(linked.Select(e => e.Action).ToArray()));
        insert.Parameters.Add(P(linked.Select(e => e.Subject).ToArray()));
        insert.Parameters.Add(P(linked.Select(e => e.Outcome).ToArray()));
        insert.Parameters.Add(P(linked.Select(e => e.PreviousHash).ToArray()));
        insert.Parameters.Add(P(linked.Select(e => e.Hash).ToArray()));
        batch.BatchCommands.Add(insert);
        var move = new NpgsqlBatchCommand("UPDATE vault_audit_head SET sequence = $1, hash = $2 WHERE id = 1");
        move.Parameters.Add(P(linked[^1].Sequence));
        move.Parameters.Add(P(linked[^1].Hash));
        batch.BatchCommands.Add(move);
        return await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record PendingAudit(IReadOnlyList<AuditDraft> Entries, TaskCompletionSource Done);

    /// <inheritdoc />
    public async Task<(long Sequence, byte[] Hash)> ReadAuditHeadAsync(CancellationToken cancellationToken)
    {
        await using var query = _dataSource.CreateCommand("SELECT sequence, hash FROM vault_audit_head WHERE id = 1");
        await using var r = await query.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? (r.GetInt64(0), r.GetFieldValue<byte[]>(1)) : (0L, new byte[32]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(long fromSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var query = _dataSource.CreateCommand($"""
            SELECT {StoreRows.AuditColumns}
            FROM vault_audit WHERE sequence >= $1 ORDER BY sequence LIMIT $2
            """);
        query.Parameters.Add(P(fromSequence));
        query.Parameters.Add(P(limit));
        var result = new List<AuditEntry>();
        await using var r = await query.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            result.Add(StoreRows.Audit(r));
        }

        return result;
    }
}
