using PciZone.Vault.Audit;
using PciZone.Vault.Contracts;
using PciZone.Vault.Tests.Service.Support;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Tests.Service;

public sealed class AuditNoPanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOperation_IsAudited_AndNoAuditFieldHoldsACardNumber()
    {
        await using var h = await VaultHarness.CreateAsync();
        var luhnValidTokens = new HashSet<string>();
        foreach (var pan in VaultHarness.TestPans)
        {
            var t = await h.Vault.TokenizeAsync(pan, null, "c", Ct);
            var f = await h.Vault.TokenizeAsync(pan, "ff1", "c", Ct);
            luhnValidTokens.Add((await h.Vault.TokenizeAsync(pan, "random-keep-none-luhn-valid", "c", Ct)).Token);
            await h.Vault.DetokenizeAsync(t.Token, "d", Ct);
            await h.Vault.DetokenizeAsync(pan, "d", Ct);
            await h.Vault.MetadataAsync(f.Token, "m", Ct);
            await h.Vault.MetadataAsync(pan, "m", Ct);
            await h.Vault.MaskAsync(pan, null, "m", Ct);
            await Should.ThrowAsync<InvalidPanException>(() => h.Vault.TokenizeAsync(pan[..^1] + "x", null, "c", Ct));
        }

        await h.Vault.TokenizeManyAsync([.. VaultHarness.TestPans, "4111111111111112"], null, "b", Ct);
        await h.Vault.DetokenizeManyAsync(VaultHarness.TestPans, "b", Ct);
        await h.Vault.RotateKeysAsync([], "admin", Ct);
        await h.Vault.ReencryptAsync(2, "admin", Ct);

        var actions = h.Store.Audit.Select(e => e.Action).ToHashSet();
        new[] { "tokenize", "detokenize", "metadata", "mask", "key.create", "key.rotate", "key.reencrypt" }.ShouldAllBe(a => actions.Contains(a));

        // Card-number-shaped runs may only be tokens of the Luhn-valid profile, which are not card numbers.
        h.LuhnValidDigitRunsInAudit().Where(r => !luhnValidTokens.Contains(r)).ShouldBeEmpty();
        h.Store.Audit.SelectMany(e => new[] { e.Actor, e.Subject, e.Outcome })
            .ShouldAllBe(s => !VaultHarness.TestPans.Any(p => s.Contains(p, StringComparison.Ordinal)));
        AuditChain.Verify(h.Store.Audit).ShouldBeNull();
    }

    [Fact]
    public async Task EveryOperation_AppendsAnEntryWithActorAndOutcome()
    {
        await using var h = await VaultHarness.CreateAsync();
        var start = h.Store.Audit.Count;

        var t = await h.Vault.TokenizeAsync("4111111111111111", null, "alice", Ct);
        await h.Vault.DetokenizeAsync(t.Token, "bob", Ct);
        await h.Vault.MetadataAsync(t.Token, "carol", Ct);
        await h.Vault.MaskAsync("4111111111111111", null, "dave", Ct);
        await h.Vault.RotateKeysAsync([KeyPurpose.Lookup], "erin", Ct);
        await h.Vault.ReencryptAsync(10, "frank", Ct);

        h.Store.Audit.Skip(start).Select(e => (e.Actor, e.Action, e.Outcome)).ShouldBe([
            ("alice", "tokenize", "ok"),
            ("bob", "detokenize", "ok"),
            ("carol", "metadata", "ok"),
            ("dave", "mask", "ok"),
            ("erin", "key.rotate", "ok"),
            ("frank", "key.reencrypt", "ok"),
        ]);
    }
}
