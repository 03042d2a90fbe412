using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PciZone.Vault.Contracts;
using PciZone.Vault.Keys;

namespace PciZone.Vault.Tests.Keys;

/// <summary>The AES-GCM and HMAC instances a data key keeps for reuse: same results as fresh ones, gone with the key.</summary>
public sealed class DataKeyPoolTests
{
    [Fact]
    public async Task LookupAndEncrypt_ManyThreadsReusingInstances_MatchAFreshHmacAndRoundTrip()
    {
        var material = RandomNumberGenerator.GetBytes(32);
        var lookup = new DataKey(KeyPurpose.Lookup, 1, (byte[])material.Clone());
        var field = new DataKey(KeyPurpose.FieldEncryption, 1, RandomNumberGenerator.GetBytes(32));
        string[] pans = ["4111111111111111", "5555555555554444", "378282246310005", "4000056655665556", "6011111111111117"];

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var pan = pans[(t + i) % pans.Length];
                PanProtection.Lookup(lookup, pan, "random").ShouldBe(ReferenceLookup(material, pan, "random"));
                var token = $"tok-{t}-{i}";
                var pan2 = new char[PanProtection.MaxPanLength];
                new string(pan2, 0, PanProtection.DecryptPan(field, PanProtection.EncryptPan(field, pan, token), token, pan2)).ShouldBe(pan);
            }
        }, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public void Destroy_AfterUse_RefusesFurtherUseOfEitherKind()
    {
        var lookup = new DataKey(KeyPurpose.Lookup, 1, RandomNumberGenerator.GetBytes(32));
        var field = new DataKey(KeyPurpose.FieldEncryption, 1, RandomNumberGenerator.GetBytes(32));
        PanProtection.Lookup(lookup, "4111111111111111", "random");
        PanProtection.EncryptPan(field, "4111111111111111", "tok");

        lookup.Destroy();
        field.Destroy();

        Should.Throw<ObjectDisposedException>(() => PanProtection.Lookup(lookup, "4111111111111111", "random"));
        Should.Throw<ObjectDisposedException>(() => PanProtection.EncryptPan(field, "4111111111111111", "tok"));
    }

    [Fact]
    public void Return_AfterDestroy_DisposesTheInstanceInsteadOfKeepingIt()
    {
        var field = new DataKey(KeyPurpose.FieldEncryption, 1, RandomNumberGenerator.GetBytes(32));
        var cipher = field.RentCipher();
        field.Destroy();

        field.Return(cipher);

        Should.Throw<ObjectDisposedException>(() => cipher.Encrypt(new byte[12], new byte[1], new byte[1], new byte[16]));
    }

    private static byte[] ReferenceLookup(byte[] key, string pan, string profile)
    {
        var message = new byte[4 + profile.Length + pan.Length];
        BinaryPrimitives.WriteInt32BigEndian(message, profile.Length);
        Encoding.ASCII.GetBytes(profile + pan, message.AsSpan(4));
        return HMACSHA256.HashData(key, message);
    }
}
