using PciZone.Vault.Audit;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores.Tests;

public abstract partial class VaultStoreContractTests
{
    private static AuditDraft Draft(string actor, int n) =>
        new(T0.AddTicks(n), actor, n % 2 == 0 ? "tokenize" : "detokenize", $"tok-{actor}-{n}", "ok");

    /// <summary>The whole log, read page by page as <c>audit verify</c> would.</summary>
    protected async Task<List<AuditEntry>> ReadAllAuditAsync(IVaultStore store)
    {
        var all = new List<AuditEntry>();
        while (true)
        {
            var page = await store.ReadAuditAsync(all.Count == 0 ? 1 : all[^1].Sequence + 1, 64, Ct);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
        }
    }

    private async Task AppendTenAsync()
    {
        await Store.AppendAuditAsync(Enumerable.Range(1, 4).Select(i => Draft("admin", i)).ToList(), Ct);
        foreach (var i in Enumerable.Range(5, 6))
        {
            await Store.AppendAuditAsync([Draft("client-a", i)], Ct);
        }
    }

    [Fact]
    public async Task AppendAuditAsync_SingleAndBatchAppends_NumberFromOneAndChain()
    {
        await AppendTenAsync();

        var all = await ReadAllAuditAsync(Store);

        all.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, 10).Select(i => (long)i));
        all[0].PreviousHash.ShouldBe(AuditChain.Genesis);
        all[4].Subject.ShouldBe("tok-client-a-5");
        all[4].At.UtcTicks.ShouldBe(T0.AddTicks(5).UtcTicks);
        AuditChain.Verify(all).ShouldBeNull();
    }

    [Fact]
    public async Task ReadAuditAsync_FromAndLimit_ReturnsThatPage()
    {
        await AppendTenAsync();

        var page = await Store.ReadAuditAsync(4, 3, Ct);

        page.Select(e => e.Sequence).ShouldBe([4L, 5L, 6L]);
        (await Store.ReadAuditAsync(11, 5, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AppendAuditAsync_FourInstancesFiftyEntriesEach_OneGapFreeVerifiedChain()
    {
        var instances = new[] { Store, await OpenAsync(), await OpenAsync(), await OpenAsync() };

        await RaceAsync(4, async i =>
        {
            for (var n = 0; n < 50; n++)
            {
                await instances[i].AppendAuditAsync([Draft($"instance-{i}", n)], Ct);
            }

            return i;
        });

        var all = await ReadAllAuditAsync(Store);
        all.Count.ShouldBe(200);
        AuditChain.Verify(all).ShouldBeNull();
        all.GroupBy(e => e.Actor).Select(g => g.Count()).ShouldAllBe(c => c == 50);
    }

    [Fact]
    public async Task Verify_SubjectEditedWithRawSql_NamesThatEntry()
    {
        await AppendTenAsync();

        await ExecuteAsync("UPDATE vault_audit SET subject = 'tok-innocent' WHERE sequence = 5");

        var broken = AuditChain.Verify(await ReadAllAuditAsync(Store)).ShouldNotBeNull();
        broken.Sequence.ShouldBe(5);
        broken.Reason.ShouldContain("edited");
    }

    [Fact]
    public async Task Verify_EntryDeletedWithRawSql_NamesTheMissingEntry()
    {
        await AppendTenAsync();

        await ExecuteAsync("DELETE FROM vault_audit WHERE sequence = 5");

        var broken = AuditChain.Verify(await ReadAllAuditAsync(Store)).ShouldNotBeNull();
        broken.Sequence.ShouldBe(5);
        broken.Reason.ShouldContain("missing");
    }

    [Fact]
    public async Task Verify_TwoRowsContentSwappedWithRawSql_NamesTheFirstOfThem()
    {
        await AppendTenAsync();

        await ExecuteAsync("UPDATE vault_audit SET sequence = -1 WHERE sequence = 3");
        await ExecuteAsync("UPDATE vault_audit SET sequence = 3 WHERE sequence = 4");
        await ExecuteAsync("UPDATE vault_audit SET sequence = 4 WHERE sequence = -1");

        var entries = await ReadAllAuditAsync(Store);
        entries[2].Subject.ShouldBe("tok-admin-4");
        AuditChain.Verify(entries).ShouldNotBeNull().Sequence.ShouldBe(3);
    }

    [Fact]
    public async Task AppendAuditAsync_AfterLastEntryDeleted_LinksToTheDeletedEntrySoTheGapShows()
    {
        await AppendTenAsync();
        await ExecuteAsync("DELETE FROM vault_audit WHERE sequence = 10");

        await Store.AppendAuditAsync([Draft("client-a", 11)], Ct);

        var broken = AuditChain.Verify(await ReadAllAuditAsync(Store)).ShouldNotBeNull();
        broken.Sequence.ShouldBe(10);
    }
}
