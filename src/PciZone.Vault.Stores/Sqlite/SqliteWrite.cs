using Microsoft.Data.Sqlite;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores.Sqlite;

/// <summary>
/// What one queued write sees inside a group commit: the writer's compiled commands in the open transaction,
/// and an audit list that the group links and inserts once, after its last write and before its commit, so
/// the chain head is read and moved once per commit rather than once per entry.
/// </summary>
internal sealed class SqliteWrite(SqliteSession session)
{
    private readonly List<AuditDraft> _audit = [];

    /// <summary>The writer connection this write runs on.</summary>
    public SqliteSession Session => session;

    public SqliteCommand Command(string sql) => session.Command(sql);

    /// <summary>Queues audit entries; they commit with this group, in queue order, or not at all.</summary>
    public void Audit(IReadOnlyList<AuditDraft> drafts) => _audit.AddRange(drafts);

    public int AuditMark => _audit.Count;

    public IReadOnlyList<AuditDraft> PendingAudit => _audit;

    /// <summary>Drops the audit entries a failed write queued after <paramref name="mark"/>.</summary>
    public void TruncateAudit(int mark) => _audit.RemoveRange(mark, _audit.Count - mark);

    public void Reset() => _audit.Clear();
}
