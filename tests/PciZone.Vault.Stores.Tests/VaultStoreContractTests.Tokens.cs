using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores.Tests;

public abstract partial class VaultStoreContractTests
{
    [Fact]
    public async Task InsertOrGetAsync_NewRecord_IsFoundByTokenAndByLookup()
    {
        var record = Record("tok-visa", "4111111111111111");

        ShouldMatch(await Store.InsertOrGetAsync(record, Ct), record);

        ShouldMatch((await Store.FindByTokenAsync("tok-visa", Ct)).ShouldNotBeNull(), record);
        ShouldMatch((await Store.FindByLookupAsync(record.Lookup, 1, Ct)).ShouldNotBeNull(), record);
    }

    [Fact]
    public async Task InsertOrGetAsync_WithAudit_StoresTheRecordAndItsEntry_AndNoEntryWhenTheDraftIsNull()
    {
        var record = Record("tok-audited", "4111111111111111");

        var stored = await Store.InsertOrGetAsync(record, s => new AuditDraft(T0, "client", "tokenize", s.Token, "ok"), Ct);
        await Store.InsertOrGetAsync(Record("tok-other", "4111111111111111"), _ => null, Ct);

        ShouldMatch(stored, record);
        var audit = await Store.ReadAuditAsync(1, 10, Ct);
        audit.Select(a => a.Subject).ShouldBe(["tok-audited"]);
        Audit.AuditChain.Verify(audit).ShouldBeNull();
        (await Store.ReadAuditHeadAsync(Ct)).Sequence.ShouldBe(1);
    }

    [Fact]
    public async Task FindAsync_UnknownTokenOrOtherLookupVersion_ReturnsNull()
    {
        var record = Record("tok-visa", "4111111111111111");
        await Store.InsertOrGetAsync(record, Ct);

        (await Store.FindByTokenAsync("tok-other", Ct)).ShouldBeNull();
        (await Store.FindByLookupAsync(record.Lookup, 2, Ct)).ShouldBeNull();
        (await Store.FindByLookupAsync(Record("x", "5555555555554444").Lookup, 1, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task InsertOrGetAsync_SameLookupAgainWithNewToken_ReturnsFirstRecord()
    {
        var first = Record("tok-first", "4111111111111111");
        await Store.InsertOrGetAsync(first, Ct);

        var again = await Store.InsertOrGetAsync(Record("tok-second", "4111111111111111"), Ct);

        ShouldMatch(again, first);
        (await Store.FindByTokenAsync("tok-second", Ct)).ShouldBeNull();
        (await ScalarAsync("SELECT COUNT(*) FROM vault_tokens")).ShouldBe(1);
    }

    [Fact]
    public async Task InsertOrGetAsync_TokenValueOwnedByOtherPan_ReturnsOwnerSoCallerCanRetry()
    {
        var owner = Record("tok-same", "4111111111111111");
        await Store.InsertOrGetAsync(owner, Ct);

        var result = await Store.InsertOrGetAsync(Record("tok-same", "5555555555554444"), Ct);

        ShouldMatch(result, owner);
        (await ScalarAsync("SELECT COUNT(*) FROM vault_tokens")).ShouldBe(1);
    }

    [Fact]
    public async Task InsertOrGetAsync_EightRacersOnTwoInstances_YieldOneRecordPerPan()
    {
        var instances = new[] { Store, await OpenAsync() };
        string[] pans = ["4111111111111111", "5555555555554444", "378282246310005", "4000056655665556", "6011111111111117"];

        foreach (var pan in pans)
        {
            var results = await RaceAsync(8, i => instances[i % 2].InsertOrGetAsync(Record($"tok-{pan}-{i}", pan), Ct));

            results.Select(r => r.Token).Distinct().Count().ShouldBe(1);
            var stored = (await Store.FindByLookupAsync(results[0].Lookup, 1, Ct)).ShouldNotBeNull();
            stored.Token.ShouldBe(results[0].Token);
        }

        (await ScalarAsync("SELECT COUNT(*) FROM vault_tokens")).ShouldBe(pans.Length);
    }

    [Fact]
    public async Task InsertOrGetManyAsync_MixedBatch_ResolvesDuplicatesAndExistingInInputOrder()
    {
        var existing = Record("tok-existing", "6011111111111117");
        await Store.InsertOrGetAsync(existing, Ct);
        var a = Record("tok-a", "4111111111111111");
        var b = Record("tok-b", "5555555555554444");
        var aAgain = Record("tok-a2", "4111111111111111");
        var existingAgain = Record("tok-e2", "6011111111111117");

        var results = await Store.InsertOrGetManyAsync([a, existingAgain, b, aAgain], Ct);

        results.Select(r => r.Token).ShouldBe(["tok-a", "tok-existing", "tok-b", "tok-a"]);
        ShouldMatch(results[1], existing);
        (await ScalarAsync("SELECT COUNT(*) FROM vault_tokens")).ShouldBe(3);
        ShouldMatch((await Store.FindByTokenAsync("tok-b", Ct)).ShouldNotBeNull(), b);
    }

    [Fact]
    public async Task InsertOrGetManyAsync_Empty_ReturnsEmpty()
    {
        (await Store.InsertOrGetManyAsync([], Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task InsertOrGetManyAsync_OverlappingBatchesInOppositeOrderOnTwoInstances_AgreeOnEveryToken()
    {
        var other = await OpenAsync();
        var pans = Enumerable.Range(0, 200).Select(i => $"4{i:D15}").ToArray();
        var forward = pans.Select(p => Record("f-" + p, p)).ToList();
        var backward = pans.Reverse().Select(p => Record("b-" + p, p)).ToList();

        var results = await RaceAsync(2, i => i == 0 ? Store.InsertOrGetManyAsync(forward, Ct) : other.InsertOrGetManyAsync(backward, Ct));

        results[0].Select(r => r.Token).ShouldBe(results[1].Select(r => r.Token).Reverse());
        (await ScalarAsync("SELECT COUNT(*) FROM vault_tokens")).ShouldBe(200);
    }

    [Fact]
    public async Task UpdateProtectionAsync_ExistingToken_ReplacesCiphertextAndLookup()
    {
        var record = Record("tok-1", "4111111111111111");
        await Store.InsertOrGetAsync(record, Ct);
        var newLookup = Record("x", "4111111111111111-v2").Lookup;
        var newCipher = new byte[] { 1, 2, 3, 4 };

        (await Store.UpdateProtectionAsync("tok-1", newCipher, 2, newLookup, 3, Ct)).ShouldBeTrue();

        var stored = (await Store.FindByLookupAsync(newLookup, 3, Ct)).ShouldNotBeNull();
        stored.Token.ShouldBe("tok-1");
        stored.EncryptedPan.ShouldBe(newCipher);
        stored.FieldKeyVersion.ShouldBe(2);
        (await Store.FindByLookupAsync(record.Lookup, 1, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task UpdateProtectionAsync_UnknownToken_ReturnsFalse()
    {
        (await Store.UpdateProtectionAsync("tok-missing", [1], 2, [2], 2, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task FindStaleAsync_MixedVersions_ListsOnlyOlderOnesUpToLimit()
    {
        await Store.InsertOrGetAsync(Record("old-field", "4111111111111111", lookupVersion: 2, fieldVersion: 1), Ct);
        await Store.InsertOrGetAsync(Record("old-lookup", "5555555555554444", lookupVersion: 1, fieldVersion: 2), Ct);
        await Store.InsertOrGetAsync(Record("current", "378282246310005", lookupVersion: 2, fieldVersion: 2), Ct);
        await Store.InsertOrGetAsync(Record("old-both", "4000056655665556", lookupVersion: 1, fieldVersion: 1), Ct);

        (await Store.FindStaleAsync(2, 2, null, 10, Ct)).Select(r => r.Token).ShouldBe(["old-both", "old-field", "old-lookup"]);
        (await Store.FindStaleAsync(2, 2, null, 2, Ct)).Select(r => r.Token).ShouldBe(["old-both", "old-field"]);
        (await Store.FindStaleAsync(1, 1, null, 10, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task FindStaleAsync_AfterToken_ContinuesInTokenOrderPastIt()
    {
        foreach (var (token, pan) in new[] { ("tok-c", "4111111111111111"), ("tok-a", "5555555555554444"), ("tok-b", "378282246310005"), ("tok-d", "4000056655665556") })
        {
            await Store.InsertOrGetAsync(Record(token, pan, lookupVersion: 1, fieldVersion: 1), Ct);
        }

        (await Store.FindStaleAsync(2, 2, "tok-a", 2, Ct)).Select(r => r.Token).ShouldBe(["tok-b", "tok-c"]);
        (await Store.FindStaleAsync(2, 2, "tok-c", 2, Ct)).Select(r => r.Token).ShouldBe(["tok-d"]);
        (await Store.FindStaleAsync(2, 2, "tok-d", 2, Ct)).ShouldBeEmpty();
    }
}
