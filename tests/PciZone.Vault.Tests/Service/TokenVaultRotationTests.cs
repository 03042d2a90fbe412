using PciZone.Vault.Contracts;
using PciZone.Vault.Service;
using PciZone.Vault.Tests.Keys.Fakes;
using PciZone.Vault.Tests.Service.Support;

namespace PciZone.Vault.Tests.Service;

public sealed class TokenVaultRotationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("random")]
    [InlineData("ff1")]
    public async Task RotateKeysAsync_TokensBeforeAndAfter_BothDetokenize(string profile)
    {
        await using var h = await VaultHarness.CreateAsync();
        var before = await h.Vault.TokenizeAsync("4111111111111111", profile, "c", Ct);

        var rotated = await h.Vault.RotateKeysAsync([], "admin", Ct);
        var after = await h.Vault.TokenizeAsync("5555555555554444", profile, "c", Ct);

        rotated.ShouldBe([new RotatedKey(KeyPurpose.Ff1, 2), new RotatedKey(KeyPurpose.FieldEncryption, 2), new RotatedKey(KeyPurpose.Lookup, 2)]);
        (await h.Vault.DetokenizeAsync(before.Token, "d", Ct))!.Reveal().ShouldBe("4111111111111111");
        (await h.Vault.DetokenizeAsync(after.Token, "d", Ct))!.Reveal().ShouldBe("5555555555554444");
        h.Store.Records.Single(r => r.Token == after.Token).FieldKeyVersion.ShouldBe(2);
        h.Store.Audit.Count(e => e.Action == "key.rotate" && e.Actor == "admin").ShouldBe(3);
    }

    [Theory]
    [InlineData("random")]
    [InlineData("ff1")]
    public async Task TokenizeAsync_AfterLookupRotationBeforeReencrypt_ReturnsTheExistingToken(string profile)
    {
        await using var h = await VaultHarness.CreateAsync();
        var before = await h.Vault.TokenizeAsync("4111111111111111", profile, "c", Ct);
        await h.Vault.RotateKeysAsync([KeyPurpose.Lookup, KeyPurpose.Ff1], "admin", Ct);

        var again = await h.Vault.TokenizeAsync("4111111111111111", profile, "c", Ct);
        var batch = await h.Vault.TokenizeManyAsync(["4111111111111111"], profile, "c", Ct);

        again.ShouldBe(before with { Created = false });
        batch[0].Value.ShouldBe(again);
        h.Store.Records.Count.ShouldBe(1);
    }

    [Fact]
    public async Task TokenizeAsync_WhileRecordsAwaitReencryption_AsksTheStoreForThemOncePerRecheckInterval()
    {
        var clock = new ManualTime(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        await using var h = await VaultHarness.CreateAsync(clock);
        var old = await h.Vault.TokenizeAsync("4111111111111111", null, "c", Ct);
        await h.Vault.RotateKeysAsync([KeyPurpose.Lookup], "admin", Ct);
        var before = h.Store.FindStaleCalls;

        foreach (var pan in VaultHarness.TestPans.Skip(1))
        {
            await h.Vault.TokenizeAsync(pan, null, "c", Ct);
        }

        // One scan for four new card numbers; the old one is still found under its old lookup key.
        h.Store.FindStaleCalls.ShouldBe(before + 1);
        (await h.Vault.TokenizeAsync("4111111111111111", null, "c", Ct)).ShouldBe(old with { Created = false });
        h.Store.FindStaleCalls.ShouldBe(before + 1);

        clock.Advance(TokenVault.StaleRecheck);
        await h.Vault.TokenizeAsync("4111111111111111", null, "c", Ct);
        h.Store.FindStaleCalls.ShouldBe(before + 2);

        // Once re-encryption has moved everything, one more scan finds nothing and the search stops for good.
        await h.Vault.ReencryptAsync(100, "admin", Ct);
        var afterMove = h.Store.FindStaleCalls;
        clock.Advance(TokenVault.StaleRecheck);
        await h.Vault.TokenizeAsync("4111111111111111", null, "c", Ct);
        await h.Vault.TokenizeAsync("4111111111111111", null, "c", Ct);
        h.Store.FindStaleCalls.ShouldBe(afterMove + 1);
    }

    [Fact]
    public async Task ReencryptAsync_AfterRotation_MovesEveryRecordToNewestVersionsAndKeepsThemWorking()
    {
        await using var h = await VaultHarness.CreateAsync();
        var tokens = new List<string>();
        foreach (var pan in VaultHarness.TestPans)
        {
            tokens.Add((await h.Vault.TokenizeAsync(pan, null, "c", Ct)).Token);
            tokens.Add((await h.Vault.TokenizeAsync(pan, "ff1", "c", Ct)).Token);
        }

        await h.Vault.RotateKeysAsync([KeyPurpose.FieldEncryption, KeyPurpose.Lookup], "admin", Ct);
        var result = await h.Vault.ReencryptAsync(batchSize: 3, "admin", Ct);

        result.ShouldBe(new ReencryptResult(10, 0));
        h.Store.Records.ShouldAllBe(r => r.FieldKeyVersion == 2 && r.LookupKeyVersion == 2);
        for (var i = 0; i < tokens.Count; i++)
        {
            (await h.Vault.DetokenizeAsync(tokens[i], "d", Ct))!.Reveal().ShouldBe(VaultHarness.TestPans[i / 2]);
        }

        // The new lookup finds the same tokens: no second token per PAN after re-encryption.
        (await h.Vault.TokenizeAsync(VaultHarness.TestPans[0], null, "c", Ct)).ShouldBe(new TokenizeResult(tokens[0], false));
        h.Store.Audit.Count(e => e.Action == "key.reencrypt").ShouldBe(4);
        (await h.Vault.ReencryptAsync(100, "admin", Ct)).ShouldBe(new ReencryptResult(0, 0));
    }

    [Fact]
    public async Task ReencryptAsync_CorruptRecord_IsCountedAuditedAndDoesNotLoop()
    {
        await using var h = await VaultHarness.CreateAsync();
        var good = await h.Vault.TokenizeAsync("4111111111111111", null, "c", Ct);
        var bad = await h.Vault.TokenizeAsync("5555555555554444", null, "c", Ct);
        var record = h.Store.Records.Single(r => r.Token == bad.Token);
        record.EncryptedPan[^1] ^= 1;
        await h.Vault.RotateKeysAsync([KeyPurpose.FieldEncryption], "admin", Ct);

        var result = await h.Vault.ReencryptAsync(10, "admin", Ct);

        result.ShouldBe(new ReencryptResult(1, 1));
        h.Store.Records.Single(r => r.Token == good.Token).FieldKeyVersion.ShouldBe(2);
        h.Store.Audit.ShouldContain(e => e.Action == "key.reencrypt" && e.Subject == bad.Token && e.Outcome == "error");
    }

    [Fact]
    public async Task ReencryptAsync_WholeBatchesOfCorruptRecords_StillMovesEveryOtherRecord()
    {
        await using var h = await VaultHarness.CreateAsync();
        foreach (var pan in VaultHarness.TestPans)
        {
            await h.Vault.TokenizeAsync(pan, null, "c", Ct);
        }

        // The two lowest tokens are corrupt, so the first batch of two moves nothing.
        var corrupt = h.Store.Records.OrderBy(r => r.Token, StringComparer.Ordinal).Take(2).Select(r => r.Token).ToHashSet();
        foreach (var record in h.Store.Records.Where(r => corrupt.Contains(r.Token)))
        {
            record.EncryptedPan[^1] ^= 1;
        }

        await h.Vault.RotateKeysAsync([KeyPurpose.FieldEncryption], "admin", Ct);

        var result = await h.Vault.ReencryptAsync(batchSize: 2, "admin", Ct);

        result.ShouldBe(new ReencryptResult(VaultHarness.TestPans.Length - 2, 2));
        h.Store.Records.Where(r => !corrupt.Contains(r.Token)).ShouldAllBe(r => r.FieldKeyVersion == 2);
        h.Store.Audit.Count(e => e.Action == "key.reencrypt" && e.Outcome == "error" && corrupt.Contains(e.Subject)).ShouldBe(2);
    }
}
