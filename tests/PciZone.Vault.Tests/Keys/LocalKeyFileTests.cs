using System.Buffers.Binary;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using PciZone.Vault.Keys;
using PciZone.Vault.Tests.Keys.Fakes;

namespace PciZone.Vault.Tests.Keys;

public sealed class LocalKeyFileTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task WrapAsync_ThenUnwrapAfterReopen_ReturnsTheDataKey()
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        byte[] wrapped;
        string id;
        using (var kek = dir.NewKek())
        {
            wrapped = await kek.WrapAsync(dataKey, TestContext.Current.CancellationToken);
            id = kek.KeyId;
        }

        using var reopened = LocalKeyFile.Open(dir.File("kek.bin"), Passphrase);
        reopened.KeyId.ShouldBe(id);
        reopened.Provider.ShouldBe("local");
        (await reopened.UnwrapAsync(wrapped, TestContext.Current.CancellationToken)).ShouldBe(dataKey);
        wrapped.AsSpan().IndexOf(dataKey).ShouldBe(-1);
    }

    [Fact]
    public async Task WrapAsync_SameKeyTwice_UsesFreshNonces()
    {
        using var kek = dir.NewKek();
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var a = await kek.WrapAsync(dataKey, TestContext.Current.CancellationToken);
        var b = await kek.WrapAsync(dataKey, TestContext.Current.CancellationToken);
        a.ShouldNotBe(b);
    }

    [Fact]
    public void Create_DefaultSettings_WritesVersionedHeaderWithProductionWorkFactor()
    {
        using var kek = LocalKeyFile.Create(dir.File("prod.bin"), Passphrase);
        var bytes = File.ReadAllBytes(dir.File("prod.bin"));
        bytes.Length.ShouldBe(103);
        bytes.AsSpan(0, 5).SequenceEqual("PZKEK"u8).ShouldBeTrue();
        bytes[5].ShouldBe((byte)1);
        BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(7)).ShouldBe(600_000);
        kek.KeyId.ShouldBe("kek-" + Convert.ToHexStringLower(bytes.AsSpan(27, 16)));
    }

    [Fact]
    public void Create_OnUnix_FileModeIs0600()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only.");
            return;
        }

        using var kek = dir.NewKek();
        File.GetUnixFileMode(dir.File("kek.bin")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.GetFiles(dir.Path).ShouldHaveSingleItem();
    }

    [Fact]
    public void Open_GroupReadable_RefusesWithChmodAdvice()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only.");
            return;
        }

        dir.NewKek().Dispose();
        File.SetUnixFileMode(dir.File("kek.bin"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        Should.Throw<KeyManagementException>(() => LocalKeyFile.Open(dir.File("kek.bin"), Passphrase)).Message.ShouldContain("chmod 600");
    }

    [Fact]
    public void Open_WrongPassphrase_ThrowsClearErrorWithoutSecrets()
    {
        dir.NewKek().Dispose();
        var ex = Should.Throw<KeyManagementException>(() => LocalKeyFile.Open(dir.File("kek.bin"), "wrong horse battery staple"));
        ex.Message.ShouldContain("wrong passphrase");
        ex.Message.ShouldNotContain("horse");
    }

    [Theory]
    [InlineData(10)] // iteration count in the header
    [InlineData(20)] // salt
    [InlineData(30)] // key id
    [InlineData(50)] // nonce
    [InlineData(70)] // encrypted KEK
    [InlineData(102)] // tag
    public void Open_AnyByteModified_Throws(int offset)
    {
        dir.NewKek().Dispose();
        var path = dir.File("kek.bin");
        var bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        Should.Throw<KeyManagementException>(() => LocalKeyFile.Open(path, Passphrase)).Message.ShouldContain("modified");
    }

    [Fact]
    public void Open_Truncated_Throws()
    {
        dir.NewKek().Dispose();
        var path = dir.File("kek.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..60]);
        Should.Throw<KeyManagementException>(() => LocalKeyFile.Open(path, Passphrase)).Message.ShouldContain("not a PciZone key file");
    }

    [Fact]
    public void Open_Missing_ThrowsNamingThePath()
    {
        Should.Throw<KeyManagementException>(() => LocalKeyFile.Open(dir.File("none.bin"), Passphrase)).Message.ShouldContain("none.bin");
    }

    [Fact]
    public void Create_ExistingFile_RefusesToOverwrite()
    {
        dir.NewKek().Dispose();
        var before = File.ReadAllBytes(dir.File("kek.bin"));
        Should.Throw<KeyManagementException>(() => LocalKeyFile.Create(dir.File("kek.bin"), Passphrase)).Message.ShouldContain("already exists");
        File.ReadAllBytes(dir.File("kek.bin")).ShouldBe(before);
    }

    [Fact]
    public void Create_ShortPassphrase_Refused()
    {
        Should.Throw<KeyManagementException>(() => LocalKeyFile.Create(dir.File("k.bin"), "short"));
        File.Exists(dir.File("k.bin")).ShouldBeFalse();
    }

    [Fact]
    public async Task SplitKnowledge_BothComponents_OpenTheKeyAndNeitherAloneDoes()
    {
        var path = dir.File("split.bin");
        byte[] wrapped;
        using (var kek = LocalKeyFileIo.Create(path, "custodian-one-half", "custodian-two-half", 2, TempDirectory.FastIterations))
        {
            kek.Components.ShouldBe(2);
            wrapped = await kek.WrapAsync(new byte[32], TestContext.Current.CancellationToken);
        }

        Should.Throw<KeyManagementException>(() => LocalKeyFile.Open(path, "custodian-one-half")).Message.ShouldContain("supply both");
        Should.Throw<KeyManagementException>(() => LocalKeyFile.Open(path, "custodian-two-half", "custodian-one-half"));
        Should.Throw<KeyManagementException>(() => LocalKeyFile.Open(path, "custodian-one-halfcustodian-two-half"));
        using var opened = LocalKeyFile.Open(path, "custodian-one-half", "custodian-two-half");
        (await opened.UnwrapAsync(wrapped, TestContext.Current.CancellationToken)).ShouldBe(new byte[32]);
    }

    [Fact]
    public async Task UnwrapAsync_KeyWrappedByAnotherKeyFile_Throws()
    {
        using var a = dir.NewKek("a.bin");
        using var b = dir.NewKek("b.bin");
        var wrapped = await a.WrapAsync(RandomNumberGenerator.GetBytes(32), TestContext.Current.CancellationToken);
        var ex = await Should.ThrowAsync<KeyManagementException>(() => b.UnwrapAsync(wrapped, TestContext.Current.CancellationToken));
        ex.Message.ShouldContain(b.KeyId);
    }

    [Fact]
    public async Task UnwrapAsync_ModifiedWrappedKey_Throws()
    {
        using var kek = dir.NewKek();
        var wrapped = await kek.WrapAsync(RandomNumberGenerator.GetBytes(32), TestContext.Current.CancellationToken);
        wrapped[20] ^= 0x80;
        await Should.ThrowAsync<KeyManagementException>(() => kek.UnwrapAsync(wrapped, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Dispose_ThenWrap_Throws()
    {
        var kek = dir.NewKek();
        kek.Dispose();
        await Should.ThrowAsync<ObjectDisposedException>(() => kek.WrapAsync(new byte[32], TestContext.Current.CancellationToken));
    }
}
