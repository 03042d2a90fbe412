using Microsoft.Data.Sqlite;
using PciZone.Vault.Audit;
using PciZone.Vault.Contracts;
using PciZone.Vault.Stores.Sqlite;

namespace PciZone.Vault.Stores;

public sealed partial class SqliteVaultStore
{
    /// <inheritdoc />
    /// <remarks>BEGIN IMMEDIATE serialises appenders from every connection and process on the file, so
    /// reading the chain head, inserting the linked entries and moving the head is one atomic step.</remarks>
    public Task AppendAuditAsync(IReadOnlyList<AuditDraft> entries, CancellationToken cancellationToken)
    {
        StoreValues.Check(entries);
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        return WriteAsync(cancellationToken, w =>
        {
            w.Audit(entries);
            return true;
        });
    }

    /// <summary>Links and inserts a group's entries after the chain head and moves the head, inside the group's transaction.</summary>
    private static void AppendAudit(SqliteWrite write, IReadOnlyList<AuditDraft> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        {
            AuditEntry head;
            using (var r = write.Command("SELECT sequence, hash FROM vault_audit_head WHERE id = 1").ExecuteReader())
            {
                if (!r.Read())
                {
                    throw new InvalidOperationException("The audit chain head is missing; the store was tampered with or not initialised.");
                }

                // Link needs only the previous sequence and hash; the head row carries both.
                head = new AuditEntry(r.GetInt64(0), default, "", "", "", "", AuditChain.Genesis, r.GetFieldValue<byte[]>(1));
            }

            var linked = AuditChain.Link(head.Sequence == 0 ? null : head, entries);
            var insert = write.Command("""
                INSERT INTO vault_audit(sequence, at_ticks, actor, action, subject, outcome, previous_hash, hash)
                VALUES ($s, $at, $actor, $action, $subject, $outcome, $prev, $hash)
                """);
            var p = insert.Parameters;
            var s = p.Add("$s", SqliteType.Integer);
            var at = p.Add("$at", SqliteType.Integer);
            var actor = p.Add("$actor", SqliteType.Text);
            var action = p.Add("$action", SqliteType.Text);
            var subject = p.Add("$subject", SqliteType.Text);
            var outcome = p.Add("$outcome", SqliteType.Text);
            var prev = p.Add("$prev", SqliteType.Blob);
            var hash = p.Add("$hash", SqliteType.Blob);
            foreach (var e in linked)
            {
                s.Value = e.Sequence;
                at.Value = StoreValues.Ticks(e.At);
                actor.Value = e.Actor;
                action.Value = e.Action;
                subject.Value = e.Subject;
                outcome.Value = e.Outcome;
                prev.Value = e.PreviousHash;
                hash.Value = e.Hash;
                insert.ExecuteNonQuery();
            }

            var move = write.Command("UPDATE vault_audit_head SET sequence = $s, hash = $h WHERE id = 1");
            move.Parameters.AddWithValue("$s", linked[^1].Sequence);
            move.Parameters.AddWithValue("$h", linked[^1].Hash);
            move.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public Task<(long Sequence, byte[] Hash)> ReadAuditHeadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_readers.Read(s =>
        {
            using var r = s.Command("SELECT sequence, hash FROM vault_audit_head WHERE id = 1").ExecuteReader();
            return r.Read() ? (r.GetInt64(0), r.GetFieldValue<byte[]>(1)) : (0L, new byte[32]);
        }));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(long fromSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_readers.Read(s => ReadAudit(s, fromSequence, limit)));
    }

    private static IReadOnlyList<AuditEntry> ReadAudit(SqliteSession session, long fromSequence, int limit)
    {
        var query = session.Command($"""
            SELECT {StoreRows.AuditColumns}
            FROM vault_audit WHERE sequence >= $from ORDER BY sequence LIMIT $limit
            """);
        query.Parameters.AddWithValue("$from", fromSequence);
        query.Parameters.AddWithValue("$limit", limit);
        var result = new List<AuditEntry>();
        using var r = query.ExecuteReader();
        while (r.Read())
        {
            result.Add(StoreRows.Audit(r));
        }

        return result;
    }
}
