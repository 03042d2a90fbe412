using PciZone.Vault.Tests.Support;
using PciZone.Vault.Audit;
using PciZone.Vault.Contracts;
using PciZone.Vault.Keys;
using PciZone.Vault.Tests.Keys.Fakes;

namespace PciZone.Vault.Tests.Keys;

public sealed class KeyRingTests : IDisposable
{
    private static readonly KeyRingOptions Options = new(TimeSpan.FromDays(365));
    private readonly TempDirectory dir = new();
    private readonly InMemoryVaultStore store = new();
    private readonly ManualTime time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly LocalKeyFile kek;

    public KeyRingTests() => kek = dir.NewKek();

    public void Dispose()
    {
        kek.Dispose();
        dir.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<KeyRing> Open(IKeyEncryptionKey? with = null) => KeyRing.OpenAsync(store, with ?? kek, Options, time, Ct);

    [Fact]
    public async Task OpenAsync_EmptyStore_CreatesVersion1OfEveryPurpose()
    {
        using var ring = await Open();

        ring.Versions.Select(v => (v.Purpose, v.Version)).ShouldBe([(KeyPurpose.Ff1, 1), (KeyPurpose.FieldEncryption, 1), (KeyPurpose.Lookup, 1)]);
        foreach (var v in ring.Versions)
        {
            v.KekProvider.ShouldBe("local");
            v.KekId.ShouldBe(kek.KeyId);
            v.CreatedAt.ShouldBe(time.GetUtcNow());
            v.CryptoPeriodEnds.ShouldBe(time.GetUtcNow().AddDays(365));
            v.RetiredAt.ShouldBeNull();
            ring.Current(v.Purpose).Material.Length.ShouldBe(32);
        }

        ring.Current(KeyPurpose.Ff1).Material.SequenceEqual(ring.Current(KeyPurpose.Lookup).Material).ShouldBeFalse();
        store.Audit.Select(e => (e.Actor, e.Action, e.Subject, e.Outcome)).ShouldBe([
            ("vault", "key.create", "Ff1 v1", "ok"), ("vault", "key.create", "FieldEncryption v1", "ok"), ("vault", "key.create", "Lookup v1", "ok")]);
    }

    [Fact]
    public async Task OpenAsync_Again_LoadsTheSameKeysWithoutCreatingNew()
    {
        byte[] first;
        using (var ring = await Open())
        {
            first = ring.Current(KeyPurpose.FieldEncryption).Material.ToArray();
        }

        using var again = await Open();
        again.Versions.Count.ShouldBe(3);
        again.Current(KeyPurpose.FieldEncryption).Material.ToArray().ShouldBe(first);
    }

    [Fact]
    public async Task RotateAsync_NewTokensUseV2_WhileV1StillDecrypts()
    {
        using var ring = await Open();
        var old = PanProtection.EncryptPan(ring.Current(KeyPurpose.FieldEncryption), "4111111111111111", "tok_1");

        var v2 = await ring.RotateAsync(KeyPurpose.FieldEncryption, "admin@example", Ct);

        v2.Version.ShouldBe(2);
        ring.Current(KeyPurpose.FieldEncryption).ShouldBeSameAs(v2);
        ring.Current(KeyPurpose.Lookup).Version.ShouldBe(1);
        var pan = new char[19];
        var n = PanProtection.DecryptPan(ring.Get(KeyPurpose.FieldEncryption, 1), old, "tok_1", pan);
        new string(pan, 0, n).ShouldBe("4111111111111111");
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => PanProtection.DecryptPan(v2, old, "tok_1", pan));
        store.Keys.Single(k => k.Purpose == KeyPurpose.FieldEncryption && k.Version == 1).RetiredAt.ShouldNotBeNull();
        store.Audit[^1].Action.ShouldBe("key.rotate");
        store.Audit[^1].Subject.ShouldBe("FieldEncryption v2");
        store.Audit[^1].Actor.ShouldBe("admin@example");
    }

    [Fact]
    public async Task RotateAsync_Twice_AuditsFf1V3AndTheChainVerifies()
    {
        using var ring = await Open();
        await ring.RotateAsync(KeyPurpose.Ff1, "admin", Ct);
        (await ring.RotateAsync(KeyPurpose.Ff1, "admin", Ct)).Version.ShouldBe(3);

        (store.Audit[^1].Actor, store.Audit[^1].Action, store.Audit[^1].Subject, store.Audit[^1].Outcome).ShouldBe(("admin", "key.rotate", "Ff1 v3", "ok"));
        AuditChain.Verify(store.Audit).ShouldBeNull();
        using var reopened = await Open();
        reopened.Current(KeyPurpose.Ff1).Version.ShouldBe(3);
        reopened.Get(KeyPurpose.Ff1, 1).Material.ToArray().ShouldBe(ring.Get(KeyPurpose.Ff1, 1).Material.ToArray());
    }

    [Fact]
    public async Task Get_UnknownVersion_ThrowsKeyNotFound()
    {
        using var ring = await Open();
        Should.Throw<KeyNotFoundException>(() => ring.Get(KeyPurpose.Lookup, 7));
    }

    [Fact]
    public async Task RewrapAsync_ReopenWithNewKekWorks_AndWithOldFails()
    {
        using var newKek = dir.NewKek("new.bin", "another long passphrase");
        byte[] material;
        using (var ring = await Open())
        {
            await ring.RotateAsync(KeyPurpose.Lookup, "admin", Ct);
            material = ring.Get(KeyPurpose.Lookup, 1).Material.ToArray();
            await ring.RewrapAsync(newKek, "admin", Ct);
            ring.Versions.ShouldAllBe(v => v.KekId == newKek.KeyId);
        }

        store.Audit[^1].Action.ShouldBe("key.rewrap");
        store.Audit[^1].Subject.ShouldContain(newKek.KeyId);
        using (var reopened = await Open(newKek))
        {
            reopened.Get(KeyPurpose.Lookup, 1).Material.ToArray().ShouldBe(material);
            reopened.Versions.Count.ShouldBe(4);
        }

        var ex = await Should.ThrowAsync<KeyManagementException>(() => Open(kek));
        ex.Message.ShouldContain(newKek.KeyId);
        ex.Message.ShouldContain(kek.KeyId);
    }

    [Fact]
    public async Task RewrapAsync_Interrupted_ResumesWithPreviousKekAndCompletes()
    {
        using var newKek = dir.NewKek("new.bin", "another long passphrase");
        using (var ring = await Open())
        {
            store.UpdatesBeforeFailure = 1;
            await Should.ThrowAsync<IOException>(() => ring.RewrapAsync(newKek, "admin", Ct));
        }

        store.Audit[^1].Outcome.ShouldBe("error");
        store.UpdatesBeforeFailure = null;
        await Should.ThrowAsync<KeyManagementException>(() => Open(newKek));
        using (var resumed = await KeyRing.OpenAsync(store, newKek, kek, Options, time, Ct))
        {
            await resumed.RewrapAsync(newKek, "admin", Ct);
        }

        using var done = await Open(newKek);
        done.Versions.ShouldAllBe(v => v.KekId == newKek.KeyId);
    }

    [Fact]
    public async Task RewrapAsync_NewKekThatDoesNotRoundTrip_ChangesNothing()
    {
        using var ring = await Open();
        await Should.ThrowAsync<KeyManagementException>(() => ring.RewrapAsync(new BrokenKek(), "admin", Ct));
        store.Keys.ShouldAllBe(k => k.KekId == kek.KeyId);
        store.Audit[^1].Outcome.ShouldBe("error");
    }

    [Fact]
    public async Task Warnings_PastCryptoPeriod_NameActiveVersionsUntilRotated()
    {
        using var ring = await Open();
        ring.Warnings.ShouldBeEmpty();

        time.Advance(TimeSpan.FromDays(366));
        ring.Warnings.Select(w => w.Purpose).ShouldBe([KeyPurpose.Ff1, KeyPurpose.FieldEncryption, KeyPurpose.Lookup]);
        ring.Warnings[0].Message.ShouldContain("crypto-period");

        await ring.RotateAsync(KeyPurpose.Ff1, "admin", Ct);
        ring.Warnings.Select(w => (w.Purpose, w.Version)).ShouldBe([(KeyPurpose.FieldEncryption, 1), (KeyPurpose.Lookup, 1)]);
    }

    [Fact]
    public async Task OpenAsync_TwoInstancesRacingOnAnEmptyStore_AgreeOnOneVersion1()
    {
        var bothRead = new TaskCompletionSource();
        var reads = 0;
        store.BeforeRead = () =>
        {
            if (Interlocked.Increment(ref reads) == 2)
            {
                bothRead.SetResult();
            }

            return reads <= 2 ? bothRead.Task : Task.CompletedTask;
        };

        var rings = await Task.WhenAll(Open(), Open());
        using var a = rings[0];
        using var b = rings[1];
        store.Keys.Count.ShouldBe(3);
        a.Current(KeyPurpose.Ff1).Material.ToArray().ShouldBe(b.Current(KeyPurpose.Ff1).Material.ToArray());
    }

    [Fact]
    public async Task Dispose_ZeroesKeyMaterial()
    {
        var ring = await Open();
        var key = ring.Current(KeyPurpose.FieldEncryption);
        var memory = key.Memory;
        memory.ToArray().ShouldNotBe(new byte[32]);

        ring.Dispose();

        memory.ToArray().ShouldBe(new byte[32]);
        Should.Throw<ObjectDisposedException>(() => key.Material.Length);
        Should.Throw<ObjectDisposedException>(() => ring.Current(KeyPurpose.Ff1));
    }

    private sealed class BrokenKek : IKeyEncryptionKey
    {
        public string Provider => "local";

        public string KeyId => "kek-broken";

        public Task<byte[]> WrapAsync(ReadOnlyMemory<byte> dataKey, CancellationToken ct) => Task.FromResult(dataKey.ToArray());

        public Task<byte[]> UnwrapAsync(ReadOnlyMemory<byte> wrapped, CancellationToken ct) => Task.FromResult(new byte[32]);
    }
}
