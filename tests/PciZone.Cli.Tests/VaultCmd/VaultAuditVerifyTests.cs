using Microsoft.Data.Sqlite;
using PciZone.Cli.Tests.Support;
using PciZone.Vault.Audit;
using PciZone.Vault.Contracts;
using PciZone.Vault.Keys;
using PciZone.Vault.Service;
using PciZone.Vault.Stores;
using PciZone.Vault.Tokens;

namespace PciZone.Cli.Tests.VaultCmd;

/// <summary><c>pcizone vault audit verify</c> over a real SQLite vault whose audit rows a test edits behind the vault's back.</summary>
public sealed class VaultAuditVerifyTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Db => _dir.PathOf("vault.db");

    [Fact]
    public async Task Verify_UntouchedChain_ExitsZeroWithCount()
    {
        var count = await SeedAsync();

        var result = Pcizone.Run("vault", "audit", "verify", "--data", _dir.Path);

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldStartWith($"audit chain intact: {count} entries, last ");
    }

    [Theory]
    [InlineData("actor = actor || 'x'")]
    [InlineData("action = action || 'x'")]
    [InlineData("subject = subject || 'x'")]
    [InlineData("outcome = 'denied'")]
    [InlineData("at_ticks = at_ticks + 1")]
    public async Task Verify_EditedEntry_ExitsOneNamingIt(string edit)
    {
        var count = await SeedAsync();
        var edited = (count / 2) + 1;
        Execute($"UPDATE vault_audit SET {edit} WHERE sequence = {edited}").ShouldBe(1);

        var result = Pcizone.Run("vault", "audit", "verify", "--data", _dir.Path);

        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        result.Out.ShouldStartWith($"audit chain BROKEN at entry {edited}: ");
        result.Out.ShouldContain("edited");
    }

    [Fact]
    public async Task Verify_EditedEntryWithRecomputedHash_ExitsOneNamingTheNext()
    {
        var count = await SeedAsync();
        var edited = (count / 2) + 1;
        var e = (await ReadAuditAsync()).Single(a => a.Sequence == edited);
        // A forger who recomputes the edited entry's own hash still breaks the link held by the next entry.
        var forged = AuditChain.Hash(e.PreviousHash, e.Sequence, e.At, e.Actor, e.Action, "forged", e.Outcome);
        Execute($"UPDATE vault_audit SET subject = 'forged', hash = x'{Convert.ToHexString(forged)}' WHERE sequence = {edited}").ShouldBe(1);

        var result = Pcizone.Run("vault", "audit", "verify", "--data", _dir.Path);

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldStartWith($"audit chain BROKEN at entry {edited + 1}: its previous hash does not match");
    }

    [Fact]
    public async Task Verify_DeletedEntry_ExitsOneNamingIt()
    {
        var count = await SeedAsync();
        var deleted = (count / 2) + 1;
        Execute($"DELETE FROM vault_audit WHERE sequence = {deleted}").ShouldBe(1);

        var result = Pcizone.Run("vault", "audit", "verify", "--data", _dir.Path);

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldStartWith($"audit chain BROKEN at entry {deleted}: entry {deleted} is missing");
    }

    [Fact]
    public async Task Verify_NewestEntriesDeleted_ExitsOneAgainstTheChainHead()
    {
        var count = await SeedAsync();
        Execute($"DELETE FROM vault_audit WHERE sequence >= {count - 1}").ShouldBe(2);

        var result = Pcizone.Run("vault", "audit", "verify", "--data", _dir.Path);

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldStartWith($"audit chain BROKEN at entry {count - 1}: missing (the head is at entry {count}");
    }

    [Fact]
    public async Task Verify_SwappedEntries_ExitsOneNamingTheFirst()
    {
        var count = await SeedAsync();
        var first = (count / 2) + 1;
        // Swap the contents of two neighbours while keeping the numbering: a reordering the sequence cannot show.
        Execute($"""
            UPDATE vault_audit SET sequence = -1 WHERE sequence = {first};
            UPDATE vault_audit SET sequence = {first} WHERE sequence = {first + 1};
            UPDATE vault_audit SET sequence = {first + 1} WHERE sequence = -1;
            """).ShouldBe(3);

        var result = Pcizone.Run("vault", "audit", "verify", "--data", _dir.Path);

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldStartWith($"audit chain BROKEN at entry {first}: ");
    }

    [Fact]
    public void Verify_NoStore_ExitsTwoWithOneLine()
    {
        var result = Pcizone.Run("vault", "audit", "verify", "--data", _dir.Path);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.Length.ShouldBe(1);
        result.Error.ShouldContain("no vault store");
        File.Exists(Db).ShouldBeFalse("verifying must not create a store");
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A vault in the data folder as <c>vault serve</c> lays it out, with key, tokenise, detokenise, mask and refusal entries.</summary>
    private async Task<int> SeedAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = SqliteVaultStore.Open(Db);
        try
        {
            await store.InitializeAsync(ct);
            using var kek = LocalKeyFile.Create(_dir.PathOf("kek.json"), "a test passphrase for the audit tests");
            using var keys = await KeyRing.OpenAsync(store, kek, new KeyRingOptions(TimeSpan.FromDays(365)), TimeProvider.System, ct);
            using var vault = new TokenVault(store, keys, TimeProvider.System);
            var visa = await vault.TokenizeAsync("4111111111111111", null, "shop", ct);
            await vault.TokenizeAsync("5555555555554444", null, "shop", ct);
            await vault.TokenizeAsync("378282246310005", null, "shop", ct);
            await vault.DetokenizeAsync(visa.Token, "settlement", ct);
            await vault.MaskAsync("6011111111111117", null, "shop", ct);
            await Should.ThrowAsync<VaultInputException>(() => vault.TokenizeAsync("4111111111111112", null, "shop", ct));
        }
        finally
        {
            store.Dispose();
        }

        var entries = await ReadAuditAsync();
        entries.Count.ShouldBeGreaterThanOrEqualTo(6);
        return entries.Count;
    }

    private async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync()
    {
        var store = SqliteVaultStore.Open(Db);
        try
        {
            return await store.ReadAuditAsync(1, 10_000, TestContext.Current.CancellationToken);
        }
        finally
        {
            store.Dispose();
        }
    }

    private int Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Db, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
