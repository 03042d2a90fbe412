using PciZone.Vault.Contracts;
using PciZone.Vault.Tests.Service.Support;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Tests.Service;

public sealed class TokenVaultTokenizeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("random")]
    [InlineData("ff1")]
    [InlineData("random-keep-first6-last4-luhn-valid")]
    public async Task TokenizeAsync_Twice_ReturnsSameTokenAndStoresOneRecord(string profile)
    {
        await using var h = await VaultHarness.CreateAsync();

        var first = await h.Vault.TokenizeAsync("4111111111111111", profile, "client-a", Ct);
        var second = await h.Vault.TokenizeAsync("4111 1111 1111 1111", profile, "client-b", Ct);

        first.Created.ShouldBeTrue();
        second.ShouldBe(first with { Created = false });
        h.Store.Records.Count.ShouldBe(1);
        h.Store.Records[0].CreatedBy.ShouldBe("client-a");
        h.Store.Records[0].Last4.ShouldBe("1111");
    }

    [Fact]
    public async Task TokenizeAsync_NewThenExisting_AuditsEachCallExactlyOnce()
    {
        await using var h = await VaultHarness.CreateAsync();

        var first = await h.Vault.TokenizeAsync("4111111111111111", null, "client", Ct);
        var again = await h.Vault.TokenizeAsync("4111111111111111", null, "client", Ct);

        first.Created.ShouldBeTrue();
        again.Created.ShouldBeFalse();
        h.Store.Audit.Where(a => a.Action == "tokenize").Select(a => a.Subject).ShouldBe([first.Token, first.Token]);
    }

    [Fact]
    public async Task TokenizeAsync_StoresNoPanInClear()
    {
        await using var h = await VaultHarness.CreateAsync();
        await h.Vault.TokenizeAsync("4111111111111111", null, "client", Ct);

        var r = h.Store.Records[0];
        System.Text.Encoding.ASCII.GetString(r.EncryptedPan).ShouldNotContain("4111111111111111");
        r.Lookup.Length.ShouldBe(32);
        r.Profile.ShouldBe("random-keep-last4-luhn-invalid");
    }

    [Fact]
    public async Task TokenizeAsync_Ff1_RecordsKeyVersionInProfile()
    {
        await using var h = await VaultHarness.CreateAsync();
        await h.Vault.TokenizeAsync("4111111111111111", "ff1", "client", Ct);

        h.Store.Records[0].Profile.ShouldBe("ff1-keep-last4-luhn-invalid/v1");
    }

    [Fact]
    public async Task TokenizeAsync_DifferentProfiles_GiveDifferentTokens()
    {
        await using var h = await VaultHarness.CreateAsync();

        var a = await h.Vault.TokenizeAsync("4111111111111111", "random", "c", Ct);
        var b = await h.Vault.TokenizeAsync("4111111111111111", "random-keep-none-luhn-invalid", "c", Ct);

        b.Token.ShouldNotBe(a.Token);
        b.Created.ShouldBeTrue();
    }

    [Theory]
    [InlineData("random")]
    [InlineData("ff1")]
    public async Task TokenizeAsync_SixteenConcurrentCallsForOnePan_YieldOneToken(string profile)
    {
        await using var h = await VaultHarness.CreateAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => h.Vault.TokenizeAsync("5555555555554444", profile, $"client-{i}", Ct), Ct)));

        results.Select(r => r.Token).Distinct().Count().ShouldBe(1);
        results.Count(r => r.Created).ShouldBe(1);
        h.Store.Records.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("4111x111111111111", VaultErrorCodes.NotDigits)]
    [InlineData("41111111111", VaultErrorCodes.BadLength)]
    [InlineData("41111111111111111111", VaultErrorCodes.BadLength)]
    [InlineData("4111111111111112", VaultErrorCodes.Luhn)]
    public async Task TokenizeAsync_BadPan_ThrowsCodedErrorAndAuditsInvalid(string pan, string code)
    {
        await using var h = await VaultHarness.CreateAsync();

        var e = await Should.ThrowAsync<InvalidPanException>(() => h.Vault.TokenizeAsync(pan, null, "client", Ct));

        e.Code.ShouldBe(code);
        e.Message.ShouldNotContain("41111111");
        h.Store.Records.ShouldBeEmpty();
        var last = h.Store.Audit[^1];
        (last.Action, last.Outcome, last.Subject).ShouldBe(("tokenize", "invalid", $"refused: {code}"));
    }

    [Fact]
    public async Task TokenizeAsync_LuhnAnyProfile_AcceptsLuhnFailure()
    {
        await using var h = await VaultHarness.CreateAsync();

        var r = await h.Vault.TokenizeAsync("4111111111111112", "random-keep-last4-luhn-any", "client", Ct);

        r.Token.ShouldEndWith("1112");
    }

    [Theory]
    [InlineData("nope", VaultErrorCodes.UnknownProfile)]
    [InlineData("ff1-keep-first6-last4-luhn-invalid", VaultErrorCodes.ProfileNotApplicable)]
    public async Task TokenizeAsync_BadProfile_ThrowsCodedError(string profile, string code)
    {
        await using var h = await VaultHarness.CreateAsync();

        var e = await Should.ThrowAsync<InvalidProfileException>(() => h.Vault.TokenizeAsync("4111111111111111", profile, "client", Ct));

        e.Code.ShouldBe(code);
        e.Message.ShouldNotContain("4111111111111111");
    }

    [Fact]
    public async Task TokenizeAsync_RandomTokenAlreadyHeldByAnotherPan_DrawsAgain()
    {
        await using var h = await VaultHarness.CreateAsync();

        // 16 digits, first 6 and last 4 kept, Luhn-valid: 10^5 possible tokens per BIN and last 4.
        // Another card number holds 30% of them, so about 9 of these 20 draws clash and must be redrawn.
        var taken = new HashSet<string>();
        for (var i = 0; i < 30_000; i++)
        {
            var digits = $"411111{i:00000}01111".ToCharArray();
            Luhn.SetDigitForSum(digits, 11, 0);
            taken.Add(new string(digits));
            h.Store.Plant(new TokenRecord(new string(digits), BitConverter.GetBytes(i), 1, [], 1, "random-keep-first6-last4-luhn-valid", "1111", DateTimeOffset.UnixEpoch, "other"));
        }

        for (var i = 0; i < 20; i++)
        {
            var digits = $"411111{i:00000}01111".ToCharArray();
            Luhn.SetDigitForSum(digits, 11, 0);
            var r = await h.Vault.TokenizeAsync(new string(digits), "random-keep-first6-last4-luhn-valid", "c", Ct);
            r.Created.ShouldBeTrue();
            taken.Add(r.Token).ShouldBeTrue();
        }

        h.Store.InsertCalls.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task TokenizeAsync_Ff1TokenHeldByAnotherPan_RefusesWithCollision()
    {
        await using var h = await VaultHarness.CreateAsync();
        var token = (await h.Vault.TokenizeAsync("4111111111111111", "ff1", "c", Ct)).Token;
        var other = h.Store.Records[0] with { Lookup = new byte[32] };

        // The PAN's FF1 token is now held under a lookup that is not this PAN's.
        h.Store.ClearTokens();
        h.Store.Plant(other);
        var e = await Should.ThrowAsync<VaultInputException>(() => h.Vault.TokenizeAsync("4111111111111111", "ff1", "c", Ct));

        e.Code.ShouldBe(VaultErrorCodes.TokenCollision);
        token.ShouldBe(other.Token);
    }
}
