using System.CommandLine;
using PciZone.Vault.Audit;
using PciZone.Vault.Contracts;

namespace PciZone.Cli.VaultCmd;

/// <summary><c>pcizone vault audit verify</c>: checks the hash chain; exit 1 names the first broken entry.</summary>
internal static class VaultAuditCommand
{
    private const int Page = 5_000;

    public static Command Build(CliHost host)
    {
        var data = new Option<string>("--data") { Description = $"The vault's data folder (SQLite). [default: {VaultStorage.DefaultData}]", HelpName = "DIR" };
        var postgres = new Option<string>("--postgres-env") { Description = "Name of the environment variable holding a PostgreSQL connection string.", HelpName = "VAR" };
        var verify = new Command("verify", "Recompute the audit log's hash chain: exit 0 when intact, 1 naming the first edited, missing or reordered entry.") { data, postgres };
        verify.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(data) ?? VaultStorage.DefaultData;
            var conn = VaultStorage.Existing(host, dir, parse.GetValue(postgres));

            var store = await VaultStorage.OpenAsync(dir, conn, ct).ConfigureAwait(false);
            try
            {
                var entries = new List<AuditEntry>();
                for (long from = 1; ; from += Page)
                {
                    var page = await store.ReadAuditAsync(from, Page, ct).ConfigureAwait(false);
                    entries.AddRange(page);
                    if (page.Count < Page)
                    {
                        break;
                    }
                }

                if (AuditChain.Verify(entries) is { } broken)
                {
                    host.Out.WriteLine($"audit chain BROKEN at entry {broken.Sequence}: {broken.Reason} ({entries.Count} entries read)");
                    return ExitCodes.FindingsAtGate;
                }

                // The head is written with every append, apart from the entries: deleting the newest entries
                // leaves a valid chain, but not one that ends where the head says.
                var (headSequence, headHash) = await store.ReadAuditHeadAsync(ct).ConfigureAwait(false);
                var lastSequence = entries.Count == 0 ? 0 : entries[^1].Sequence;
                var lastHash = entries.Count == 0 ? AuditChain.Genesis : entries[^1].Hash;
                if (headSequence != lastSequence || !headHash.AsSpan().SequenceEqual(lastHash))
                {
                    host.Out.WriteLine(headSequence > lastSequence
                        ? $"audit chain BROKEN at entry {lastSequence + 1}: missing (the head is at entry {headSequence}; the newest entries were deleted)"
                        : $"audit chain BROKEN at entry {lastSequence}: it does not match the chain head (entry {headSequence})");
                    return ExitCodes.FindingsAtGate;
                }

                host.Out.WriteLine(entries.Count == 0
                    ? "audit chain intact: 0 entries"
                    : $"audit chain intact: {entries.Count} entries, last {entries[^1].At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, head {Convert.ToHexStringLower(entries[^1].Hash)}");
                return ExitCodes.Ok;
            }
            finally
            {
                (store as IDisposable)?.Dispose();
            }
        });
        var command = new Command("audit", "The vault's tamper-evident audit log.") { verify };
        return command;
    }
}
