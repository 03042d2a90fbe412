using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PciZone.Vault.Contracts;
using PciZone.Vault.Keys;

namespace PciZone.Vault.Tests.Keys;

public sealed class PanProtectionTests
{
    private static readonly byte[] Material1 = RandomNumberGenerator.GetBytes(32);
    private static readonly DataKey Field1 = new(KeyPurpose.FieldEncryption, 1, (byte[])Material1.Clone());
    private static readonly DataKey Field2 = new(KeyPurpose.FieldEncryption, 2, RandomNumberGenerator.GetBytes(32));
    private static readonly DataKey Lookup1 = new(KeyPurpose.Lookup, 1, RandomNumberGenerator.GetBytes(32));
    private static readonly DataKey Lookup2 = new(KeyPurpose.Lookup, 2, RandomNumberGenerator.GetBytes(32));

    public static TheoryData<string> Pans => ["4111111111111111", "5555555555554444", "378282246310005", "4000056655665556", "6011111111111117"];

    private static string Decrypt(DataKey key, byte[] encrypted, string token)
    {
        var pan = new char[PanProtection.MaxPanLength];
        return new string(pan, 0, PanProtection.DecryptPan(key, encrypted, token, pan));
    }

    [Theory]
    [MemberData(nameof(Pans))]
    public void EncryptThenDecrypt_RoundTrips_AndCiphertextHidesThePan(string pan)
    {
        var encrypted = PanProtection.EncryptPan(Field1, pan, "tok_abc");
        encrypted.Length.ShouldBe(12 + pan.Length + 16);
        encrypted.AsSpan().IndexOf(Encoding.ASCII.GetBytes(pan[..8])).ShouldBe(-1);
        Decrypt(Field1, encrypted, "tok_abc").ShouldBe(pan);
    }

    [Fact]
    public void EncryptPan_Twice_DiffersByNonce() =>
        PanProtection.EncryptPan(Field1, "4111111111111111", "t").ShouldNotBe(PanProtection.EncryptPan(Field1, "4111111111111111", "t"));

    [Theory]
    [InlineData(0)] // nonce
    [InlineData(15)] // ciphertext
    [InlineData(30)] // tag
    public void DecryptPan_AnyByteModified_Throws(int offset)
    {
        var encrypted = PanProtection.EncryptPan(Field1, "4111111111111111", "tok_abc");
        encrypted[offset] ^= 0x01;
        Should.Throw<CryptographicException>(() => Decrypt(Field1, encrypted, "tok_abc"));
    }

    [Fact]
    public void DecryptPan_MovedToAnotherToken_Throws()
    {
        var encrypted = PanProtection.EncryptPan(Field1, "4111111111111111", "tok_abc");
        var ex = Should.Throw<CryptographicException>(() => Decrypt(Field1, encrypted, "tok_abd"));
        ex.Message.ShouldNotContain("4111");
    }

    [Fact]
    public void DecryptPan_SameMaterialLabelledAnotherVersion_Throws()
    {
        var relabelled = new DataKey(KeyPurpose.FieldEncryption, 2, (byte[])Material1.Clone());
        var encrypted = PanProtection.EncryptPan(Field1, "4111111111111111", "tok_abc");
        Should.Throw<CryptographicException>(() => Decrypt(relabelled, encrypted, "tok_abc"));
        Should.Throw<CryptographicException>(() => Decrypt(Field2, encrypted, "tok_abc"));
    }

    [Fact]
    public void Lookup_StablePerKeyVersion_DifferentAcrossVersionsAndProfiles()
    {
        var a = PanProtection.Lookup(Lookup1, "4111111111111111", "random");
        a.ShouldBe(PanProtection.Lookup(Lookup1, "4111111111111111", "random"));
        a.Length.ShouldBe(32);
        PanProtection.Lookup(Lookup2, "4111111111111111", "random").ShouldNotBe(a);
        PanProtection.Lookup(Lookup1, "4111111111111111", "ff1").ShouldNotBe(a);
        PanProtection.Lookup(Lookup1, "5555555555554444", "random").ShouldNotBe(a);
    }

    [Fact]
    public void Lookup_IsKeyedHmacOverLengthPrefixedProfileAndPan_NotAPlainHash()
    {
        var profile = Encoding.UTF8.GetBytes("random-keep-last4");
        var message = new byte[4 + profile.Length + 16];
        BinaryPrimitives.WriteInt32BigEndian(message, profile.Length);
        profile.CopyTo(message, 4);
        Encoding.ASCII.GetBytes("4111111111111111").CopyTo(message, 4 + profile.Length);

        var lookup = PanProtection.Lookup(Lookup1, "4111111111111111", "random-keep-last4");

        lookup.ShouldBe(HMACSHA256.HashData(Lookup1.Material, message));
        lookup.ShouldNotBe(SHA256.HashData(Encoding.ASCII.GetBytes("4111111111111111")));
    }

    [Fact]
    public void Lookup_ProfileAndPanBoundary_CannotCollide() =>
        PanProtection.Lookup(Lookup1, "111111111111111", "p4").ShouldNotBe(PanProtection.Lookup(Lookup1, "4111111111111111", "p"));

    [Fact]
    public void WrongPurposeKey_IsRefused()
    {
        Should.Throw<ArgumentException>(() => PanProtection.EncryptPan(Lookup1, "4111111111111111", "t"));
        Should.Throw<ArgumentException>(() => PanProtection.Lookup(Field1, "4111111111111111", "p"));
    }

    [Theory]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("41111111111111111111")]
    [InlineData("")]
    public void EncryptPan_NotOneTo19Digits_ThrowsWithoutEchoingInput(string pan)
    {
        var ex = Should.Throw<ArgumentException>(() => PanProtection.EncryptPan(Field1, pan, "t"));
        if (pan.Length > 0)
        {
            ex.Message.ShouldNotContain(pan[..4] + "1");
        }
    }
}
