using System.Security.Cryptography;
using PciZone.Vault.Fpe;

namespace PciZone.Vault.Tests.Fpe;

/// <summary>The AES-NI key schedule and rounds against the platform's AES, and the platform path's pool.</summary>
public sealed class AesBlockTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(32)]
    public void Encrypt_RandomKeysAndBlocks_MatchesSystemAesEcb(int keyLength)
    {
        var random = new Random(7100 + keyLength);
        for (var k = 0; k < 200; k++)
        {
            var key = new byte[keyLength];
            random.NextBytes(key);
            using var platform = System.Security.Cryptography.Aes.Create();
            platform.Key = key;
            using var ours = new AesBlock(key);
            using var pooled = new AesBlock(key, allowIntrinsics: false);
            for (var b = 0; b < 10; b++)
            {
                var block = new byte[16];
                random.NextBytes(block);
                var expected = platform.EncryptEcb(block, PaddingMode.None);
                var actual = new byte[16];
                var viaPool = new byte[16];

                ours.Encrypt(block, actual);
                pooled.Encrypt(block, viaPool);

                actual.ShouldBe(expected, $"key {k}, block {b}");
                viaPool.ShouldBe(expected, $"key {k}, block {b}");
            }
        }
    }

    [Fact]
    public void Encrypt_Fips197AppendixC3_GivesThePublishedCiphertext()
    {
        var key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        var output = new byte[16];
        using var aes = new AesBlock(key);

        aes.Encrypt(Convert.FromHexString("00112233445566778899aabbccddeeff"), output);

        Convert.ToHexStringLower(output).ShouldBe("8ea2b7ca516745bfeafc49904b496089");
    }

    [Fact]
    public void Constructor_KeyOfWrongLength_IsRefused()
    {
        Should.Throw<ArgumentException>(() => new AesBlock(new byte[20]));
    }

    [Fact]
    public async Task Encrypt_PlatformPathFromManyThreads_GivesTheSameResultsAsOneThread()
    {
        var key = new byte[24];
        new Random(5).NextBytes(key);
        using var aes = new AesBlock(key, allowIntrinsics: false);
        var blocks = Enumerable.Range(0, 64).Select(i => Enumerable.Repeat((byte)i, 16).ToArray()).ToArray();
        var expected = blocks.Select(b => { var o = new byte[16]; aes.Encrypt(b, o); return o; }).ToArray();

        var tasks = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            var mismatches = 0;
            var output = new byte[16];
            for (var round = 0; round < 500; round++)
            {
                var i = round % blocks.Length;
                aes.Encrypt(blocks[i], output);
                mismatches += output.AsSpan().SequenceEqual(expected[i]) ? 0 : 1;
            }

            return mismatches;
        }));

        (await Task.WhenAll(tasks)).Sum().ShouldBe(0);
    }
}
