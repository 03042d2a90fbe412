using PciZone.Cli.Tests.Support;
using PciZone.Vault.Keys;
using PciZone.Vault.Service;
using PciZone.Vault.Stores;

namespace PciZone.Cli.Tests.VaultCmd;

/// <summary><c>pcizone vault keys rewrap</c> over a real SQLite vault laid out as <c>vault serve</c> lays it out.</summary>
public sealed class VaultKeysRewrapTests : IDisposable
{
    private const string Passphrase = "a test passphrase for the rewrap tests";
    private readonly TempDir _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Dictionary<string, string> Env => new() { ["PCIZONE_VAULT_PASSPHRASE"] = Passphrase };

    private string Kek => _dir.PathOf("kek.json");

    [Fact]
    public async Task Rewrap_ToNewLocalKey_ReplacesTheKeyFileAndEveryTokenStillDetokenises()
    {
        var token = await SeedAsync();
        var oldBytes = await File.ReadAllBytesAsync(Kek, Ct);

        var result = Pcizone.Run(Env, "vault", "keys", "rewrap", "--data", _dir.Path, "--to-new-local-key");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldStartWith("re-wrapped 3 data key versions from local ");
        File.Exists(Kek + ".new").ShouldBeFalse();
        var retired = Directory.GetFiles(_dir.Path, "kek.json.retired-*").ShouldHaveSingleItem();
        (await File.ReadAllBytesAsync(retired, Ct)).ShouldBe(oldBytes);
        (await File.ReadAllBytesAsync(Kek, Ct)).ShouldNotBe(oldBytes);

        using var store = await OpenStoreAsync();
        using (var kek = LocalKeyFile.Open(Kek, Passphrase))
        using (var keys = await KeyRing.OpenAsync(store, kek, new KeyRingOptions(TimeSpan.FromDays(365)), TimeProvider.System, Ct))
        using (var vault = new TokenVault(store, keys, TimeProvider.System))
        {
            (await vault.DetokenizeAsync(token, "test", Ct)).ShouldNotBeNull().Reveal().ShouldBe("4111111111111111");
        }

        using (var old = LocalKeyFile.Open(retired, Passphrase))
        {
            await Should.ThrowAsync<KeyManagementException>(() => KeyRing.OpenAsync(store, old, new KeyRingOptions(TimeSpan.FromDays(365)), TimeProvider.System, Ct));
        }

        var audit = await store.ReadAuditAsync(1, 1000, Ct);
        audit.ShouldContain(e => e.Action == "key.rewrap" && e.Outcome == "ok" && e.Actor == "pcizone-cli");
    }

    [Fact]
    public async Task Rewrap_ToKmsKeyThroughTheSdkOnLoopback_KmsKeyOpensTheVaultAndTheLocalKeyNoLonger()
    {
        const string arn = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        using var kms = new PciZone.Vault.Tests.Keys.Fakes.LoopbackKms();
        var token = await SeedAsync();
        var env = Env;
        env["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE";
        env["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

        var result = Pcizone.Run(env, "vault", "keys", "rewrap", "--data", _dir.Path, "--to-kms-key", arn, "--kms-endpoint-url", kms.Url);

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldContain($"to aws-kms {arn}");
        result.Out.ShouldContain($"serve with --kms-key {arn}");
        kms.Calls.Select(c => c.Target).ShouldContain("TrentService.Encrypt");
        using var store = await OpenStoreAsync();
        using (var key = AwsKmsKey.Connect(new AwsKmsOptions(arn) { EndpointUrl = kms.Url, AccessKeyId = env["AWS_ACCESS_KEY_ID"], SecretAccessKey = env["AWS_SECRET_ACCESS_KEY"] }))
        using (var keys = await KeyRing.OpenAsync(store, key, new KeyRingOptions(TimeSpan.FromDays(365)), TimeProvider.System, Ct))
        using (var vault = new TokenVault(store, keys, TimeProvider.System))
        {
            (await vault.DetokenizeAsync(token, "test", Ct)).ShouldNotBeNull().Reveal().ShouldBe("4111111111111111");
        }

        using var local = LocalKeyFile.Open(Kek, Passphrase);
        await Should.ThrowAsync<KeyManagementException>(() => KeyRing.OpenAsync(store, local, new KeyRingOptions(TimeSpan.FromDays(365)), TimeProvider.System, Ct));
    }

    [Fact]
    public async Task Rewrap_WrongPassphrase_ExitsTwoWithOneLineAndChangesNothing()
    {
        await SeedAsync();
        var before = await File.ReadAllBytesAsync(Kek, Ct);

        var result = Pcizone.Run(new Dictionary<string, string> { ["PCIZONE_VAULT_PASSPHRASE"] = "not the passphrase at all" }, "vault", "keys", "rewrap", "--data", _dir.Path, "--to-new-local-key");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.Length.ShouldBe(1);
        (await File.ReadAllBytesAsync(Kek, Ct)).ShouldBe(before);
        File.Exists(Kek + ".new").ShouldBeFalse();
    }

    [Theory]
    [InlineData]
    [InlineData("--to-new-local-key", "--to-kms-key", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    public void Rewrap_NotExactlyOneTarget_ExitsTwo(params string[] targets)
    {
        var result = Pcizone.Run(Env, ["vault", "keys", "rewrap", "--data", _dir.Path, .. targets]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("exactly one of --to-kms-key");
    }

    [Fact]
    public async Task Rewrap_MalformedKmsArn_ExitsTwoNamingIt()
    {
        await SeedAsync();

        var result = Pcizone.Run(Env, "vault", "keys", "rewrap", "--data", _dir.Path, "--to-kms-key", "not-an-arn");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("not-an-arn");
    }

    [Fact]
    public void Rewrap_NoStore_ExitsTwoWithoutCreatingOne()
    {
        var result = Pcizone.Run(Env, "vault", "keys", "rewrap", "--data", _dir.Path, "--to-new-local-key");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("no vault store");
        File.Exists(_dir.PathOf("vault.db")).ShouldBeFalse();
        File.Exists(Kek + ".new").ShouldBeFalse();
    }

    public void Dispose() => _dir.Dispose();

    private async Task<SqliteVaultStore> OpenStoreAsync()
    {
        var store = SqliteVaultStore.Open(_dir.PathOf("vault.db"));
        await store.InitializeAsync(Ct);
        return store;
    }

    private async Task<string> SeedAsync()
    {
        using var store = await OpenStoreAsync();
        using var kek = LocalKeyFile.Create(Kek, Passphrase);
        using var keys = await KeyRing.OpenAsync(store, kek, new KeyRingOptions(TimeSpan.FromDays(365)), TimeProvider.System, Ct);
        using var vault = new TokenVault(store, keys, TimeProvider.System);
        return (await vault.TokenizeAsync("4111111111111111", null, "shop", Ct)).Token;
    }
}
