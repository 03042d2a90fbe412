using PciZone.Vault.Service;
using PciZone.Vault.Tests.Service.Support;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Tests.Service;

public sealed class TokenVaultDetokenizeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("random")]
    [InlineData("ff1")]
    [InlineData("random-keep-none-luhn-valid")]
    public async Task DetokenizeAsync_EveryTestPan_RoundTrips(string profile)
    {
        await using var h = await VaultHarness.CreateAsync();
        foreach (var pan in VaultHarness.TestPans)
        {
            var token = (await h.Vault.TokenizeAsync(pan, profile, "t", Ct)).Token;

            var back = await h.Vault.DetokenizeAsync(token, "d", Ct);

            back.ShouldNotBeNull().Reveal().ShouldBe(pan);
        }
    }

    [Fact]
    public async Task DetokenizeAsync_UnknownToken_ReturnsNullAndAuditsMaskedInput()
    {
        await using var h = await VaultHarness.CreateAsync();

        (await h.Vault.DetokenizeAsync("6011111111111117", "d", Ct)).ShouldBeNull();

        var last = h.Store.Audit[^1];
        (last.Action, last.Outcome).ShouldBe(("detokenize", "not-found"));
        last.Subject.ShouldBe("unknown token ...1117 (16 chars)");
    }

    [Fact]
    public async Task DetokenizeAsync_RecordMovedToAnotherToken_FailsAuthentication()
    {
        await using var h = await VaultHarness.CreateAsync();
        var a = await h.Vault.TokenizeAsync("4111111111111111", null, "t", Ct);
        var record = h.Store.Records[0];
        h.Store.Plant(record with { Token = "9999999999999999", Lookup = new byte[32] });

        await Should.ThrowAsync<System.Security.Cryptography.CryptographicException>(() => h.Vault.DetokenizeAsync("9999999999999999", "d", Ct));
        (await h.Vault.DetokenizeAsync(a.Token, "d", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task MetadataAsync_KnownToken_GivesProfileLast4AndVersionsButNoPan()
    {
        await using var h = await VaultHarness.CreateAsync();
        var token = (await h.Vault.TokenizeAsync("378282246310005", "ff1", "maker", Ct)).Token;

        var m = await h.Vault.MetadataAsync(token, "viewer", Ct);

        m.ShouldNotBeNull();
        m.ShouldBe(new TokenMetadata(token, "ff1-keep-last4-luhn-invalid/v1", "0005", m.CreatedAt, "maker", 1, 1, 1));
        (await h.Vault.MetadataAsync("nope", "viewer", Ct)).ShouldBeNull();
        h.Store.Audit.Where(e => e.Action == "metadata").Select(e => e.Outcome).ShouldBe(["ok", "not-found"]);
    }

    [Fact]
    public async Task MaskAsync_Pan_MasksAndAudits()
    {
        await using var h = await VaultHarness.CreateAsync();

        (await h.Vault.MaskAsync("5555-5555-5555-4444", null, "m", Ct)).ShouldBe("555555******4444");
        (await h.Vault.MaskAsync("5555555555554444", new MaskOptions(0, 4, '#'), "m", Ct)).ShouldBe("############4444");
        await Should.ThrowAsync<VaultInputException>(() => h.Vault.MaskAsync("5555555555554444", new MaskOptions(8, 4), "m", Ct));

        h.Store.Audit.Where(e => e.Action == "mask").Select(e => e.Outcome).ShouldBe(["ok", "ok", "invalid"]);
        h.Store.Records.ShouldBeEmpty();
    }
}
