using PciZone.Vault.Fpe;

namespace PciZone.Vault.Tests.Fpe;

/// <summary>The nine FF1 samples NIST published for SP 800-38G (AES-128/192/256; radix 10 and 36; with and without tweak).</summary>
public sealed class Ff1VectorTests
{
    public static TheoryData<int, bool> Cases()
    {
        var data = new TheoryData<int, bool>();
        for (var i = 0; i < Ff1TestSupport.Vectors("FF1").Count; i++)
        {
            data.Add(i, true);
            data.Add(i, false);
        }

        return data;
    }

    [Fact]
    public void Vectors_SharedFile_HoldsTheNineNistFf1Samples()
    {
        var vectors = Ff1TestSupport.Vectors("FF1");

        vectors.Count.ShouldBe(9);
        vectors.Select(v => v.Key.Length / 2).Distinct().Order().ShouldBe([16, 24, 32]);
        vectors.Select(v => v.Radix).Distinct().Order().ShouldBe([10, 36]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encrypt_NistSample_GivesThePublishedCiphertext(int index, bool allowIntrinsics)
    {
        var v = Ff1TestSupport.Vectors("FF1")[index];
        v.Alphabet.ShouldBe(Ff1TestSupport.Digits[..v.Radix]);
        using var ff1 = new Ff1(Convert.FromHexString(v.Key), v.Radix, allowIntrinsics);

        Ff1TestSupport.Encrypt(ff1, v.Plaintext, Convert.FromHexString(v.Tweak)).ShouldBe(v.Ciphertext, v.Source);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decrypt_NistSample_GivesThePublishedPlaintext(int index, bool allowIntrinsics)
    {
        var v = Ff1TestSupport.Vectors("FF1")[index];
        using var ff1 = new Ff1(Convert.FromHexString(v.Key), v.Radix, allowIntrinsics);

        Ff1TestSupport.Decrypt(ff1, v.Ciphertext, Convert.FromHexString(v.Tweak)).ShouldBe(v.Plaintext, v.Source);
    }

    [Fact]
    public void Constructor_IntrinsicsAllowed_UsesAesNiForAes128And256WhenTheProcessorHasIt()
    {
        using var aes128 = new Ff1(new byte[16], 10);
        using var aes192 = new Ff1(new byte[24], 10);
        using var platform = new Ff1(new byte[32], 10, allowIntrinsics: false);

        aes128.UsesIntrinsics.ShouldBe(System.Runtime.Intrinsics.X86.Aes.IsSupported);
        aes192.UsesIntrinsics.ShouldBeFalse();
        platform.UsesIntrinsics.ShouldBeFalse();
    }
}
