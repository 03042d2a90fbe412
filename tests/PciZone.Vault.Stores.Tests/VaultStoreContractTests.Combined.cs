using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores.Tests;

/// <summary>New tokens and their audit entries committed together, singly (group-committed) and in batches.</summary>
public abstract partial class VaultStoreContractTests
{
    [Fact]
    public async Task InsertOrGetAsync_WithAudit_FortyConcurrentCallsOnTwoInstancesForFivePans_OneRecordPerPanAndOneEntryPerCall()
    {
        var instances = new[] { Store, await OpenAsync() };
        string[] pans = ["4111111111111111", "5555555555554444", "378282246310005", "4000056655665556", "6011111111111117"];

        var results = await RaceAsync(40, i =>
            instances[i % 2].InsertOrGetAsync(Record($"tok-{i}", pans[i % pans.Length]), s => new AuditDraft(T0, $"client-{i}", "tokenize", s.Token, "ok"), Ct));

        (await ScalarAsync("SELECT COUNT(*) FROM vault_tokens")).ShouldBe(pans.Length);
        results.Select(r => r.Token).Distinct().Count().ShouldBe(pans.Length);
        var audit = await Store.ReadAuditAsync(1, 100, Ct);
        audit.Count.ShouldBe(40);
        audit.Select(a => a.Actor).Order().ShouldBe(Enumerable.Range(0, 40).Select(i => $"client-{i}").Order());
        audit.Select(a => a.Subject).ToHashSet().SetEquals(results.Select(r => r.Token)).ShouldBeTrue();
        Audit.AuditChain.Verify(audit).ShouldBeNull();
        (await Store.ReadAuditHeadAsync(Ct)).Sequence.ShouldBe(40);
    }

    [Fact]
    public async Task InsertOrGetManyAsync_WithAudit_CommitsRecordsAndTheEntriesMadeFromWhatWasStored()
    {
        var existing = Record("tok-existing", "6011111111111117");
        await Store.InsertOrGetAsync(existing, Ct);
        TokenRecord[] batch = [Record("tok-a", "4111111111111111"), Record("tok-new-for-existing", "6011111111111117"), Record("tok-b", "5555555555554444")];

        var stored = await Store.InsertOrGetManyAsync(batch, s => [.. s.Select(r => new AuditDraft(T0, "client", "tokenize", r.Token, "ok"))], Ct);

        stored.Select(r => r.Token).ShouldBe(["tok-a", "tok-existing", "tok-b"]);
        var audit = await Store.ReadAuditAsync(1, 10, Ct);
        audit.Select(a => a.Subject).ShouldBe(["tok-a", "tok-existing", "tok-b"]);
        Audit.AuditChain.Verify(audit).ShouldBeNull();
    }

    [Fact]
    public async Task InsertOrGetManyAsync_WithAuditReturningNull_CommitsRecordsWithoutEntries()
    {
        await Store.InsertOrGetManyAsync([Record("tok-a", "4111111111111111")], _ => null, Ct);

        (await ScalarAsync("SELECT COUNT(*) FROM vault_tokens")).ShouldBe(1);
        (await Store.ReadAuditAsync(1, 10, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task InsertOrGetManyAsync_TwoPansDrawingOneTokenInOneBatch_FirstKeepsItOtherGetsTheOwnerToRetry()
    {
        TokenRecord[] batch = [Record("tok-twice", "4111111111111111"), Record("tok-twice", "5555555555554444"), Record("tok-c", "378282246310005")];

        var stored = await Store.InsertOrGetManyAsync(batch, Ct);

        (await ScalarAsync("SELECT COUNT(*) FROM vault_tokens")).ShouldBe(2);
        var owner = (await Store.FindByTokenAsync("tok-twice", Ct)).ShouldNotBeNull();
        stored[0].Token.ShouldBe("tok-twice");
        stored[1].Token.ShouldBe("tok-twice");
        // Exactly one of the two holds the token; the other sees the owner's lookup and must retry.
        new[] { stored[0], stored[1] }.Count(r => r.Lookup.AsSpan().SequenceEqual(owner.Lookup)).ShouldBe(2);
        batch.Count(r => r.Lookup.AsSpan().SequenceEqual(owner.Lookup)).ShouldBe(1);
        stored[2].Token.ShouldBe("tok-c");
    }
}
