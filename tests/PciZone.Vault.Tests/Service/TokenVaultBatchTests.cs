using PciZone.Vault.Service;
using PciZone.Vault.Tests.Service.Support;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Tests.Service;

public sealed class TokenVaultBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TokenizeManyAsync_MixedItems_ReportsErrorsPerIndexAndStoresInOneCall()
    {
        await using var h = await VaultHarness.CreateAsync();
        var existing = await h.Vault.TokenizeAsync("6011111111111117", null, "c", Ct);
        string[] pans = ["4111111111111111", "not a pan", "5555555555554444", "4111111111111112", "4111111111111111", "6011111111111117", "123"];

        var results = await h.Vault.TokenizeManyAsync(pans, null, "batcher", Ct);

        results.Select(r => r.Index).ShouldBe([0, 1, 2, 3, 4, 5, 6]);
        results.Select(r => r.Error).ShouldBe([null, VaultErrorCodes.NotDigits, null, VaultErrorCodes.Luhn, null, null, VaultErrorCodes.BadLength]);
        results[0].Value!.Created.ShouldBeTrue();
        results[4].Value.ShouldBe(results[0].Value! with { Created = false });
        results[5].Value.ShouldBe(existing with { Created = false });
        h.Store.InsertManyCalls.ShouldBe(1);
        h.Store.Records.Count.ShouldBe(3);
    }

    [Fact]
    public async Task TokenizeManyAsync_AuditsOneEntryPerItem()
    {
        await using var h = await VaultHarness.CreateAsync();
        var before = h.Store.Audit.Count;

        var results = await h.Vault.TokenizeManyAsync(["4111111111111111", "x", "5555555555554444"], "ff1", "batcher", Ct);

        var entries = h.Store.Audit.Skip(before).ToList();
        entries.Select(e => (e.Action, e.Subject, e.Outcome)).ShouldBe([
            ("tokenize", results[0].Value!.Token, "ok"),
            ("tokenize", "item 1 refused: not-digits", "invalid"),
            ("tokenize", results[2].Value!.Token, "ok"),
        ]);
        entries.ShouldAllBe(e => e.Actor == "batcher");
    }

    [Fact]
    public async Task TokenizeManyAsync_ThousandItems_AreAcceptedAndMoreAreRefused()
    {
        await using var h = await VaultHarness.CreateAsync();
        var thousand = Enumerable.Range(0, TokenVault.MaxBatchSize).Select(i => VaultHarness.TestPans[i % 5]).ToList();

        var ok = await h.Vault.TokenizeManyAsync(thousand, null, "c", Ct);
        ok.Count.ShouldBe(1000);
        ok.Select(r => r.Value!.Token).Distinct().Count().ShouldBe(5);

        var e = await Should.ThrowAsync<VaultInputException>(() => h.Vault.TokenizeManyAsync([.. thousand, "4111111111111111"], null, "c", Ct));
        e.Code.ShouldBe(VaultErrorCodes.BatchSize);
        (await Should.ThrowAsync<VaultInputException>(() => h.Vault.DetokenizeManyAsync([.. Enumerable.Repeat("t", 1001)], "c", Ct))).Code.ShouldBe(VaultErrorCodes.BatchSize);
        (await Should.ThrowAsync<VaultInputException>(() => h.Vault.TokenizeManyAsync([], null, "c", Ct))).Code.ShouldBe(VaultErrorCodes.BatchSize);
        h.Store.Audit[^1].Subject.ShouldBe("batch of 0 refused: batch-size");
    }

    [Fact]
    public async Task TokenizeManyAsync_UnknownProfile_FailsWholeBatch()
    {
        await using var h = await VaultHarness.CreateAsync();

        var e = await Should.ThrowAsync<InvalidProfileException>(() => h.Vault.TokenizeManyAsync(["4111111111111111"], "nope", "c", Ct));

        e.Code.ShouldBe(VaultErrorCodes.UnknownProfile);
        h.Store.Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task DetokenizeManyAsync_KnownAndUnknown_RevealsKnownAndAuditsEachToken()
    {
        await using var h = await VaultHarness.CreateAsync();
        var made = await h.Vault.TokenizeManyAsync(VaultHarness.TestPans, null, "c", Ct);
        var tokens = made.Select(r => r.Value!.Token).Append("missing").ToList();
        var before = h.Store.Audit.Count;

        var results = await h.Vault.DetokenizeManyAsync(tokens, "reader", Ct);

        results.Take(5).Select(r => r.Value!.Reveal()).ShouldBe(VaultHarness.TestPans);
        results[5].ShouldBe(new BatchItem<Pan>(5, null, VaultErrorCodes.NotFound));
        var entries = h.Store.Audit.Skip(before).ToList();
        entries.Select(e => e.Subject).Take(5).ShouldBe(tokens.Take(5));
        entries.Select(e => e.Outcome).ShouldBe(["ok", "ok", "ok", "ok", "ok", "not-found"]);
        entries.ShouldAllBe(e => e.Action == "detokenize" && e.Actor == "reader");
    }
}
