using PciZone.Vault.Fpe;

namespace PciZone.Vault.Tests.Fpe;

/// <summary>The card-number hot path allocates nothing per call.</summary>
public sealed class Ff1AllocationTests
{
    [Theory]
    [InlineData(true, 32)]
    [InlineData(false, 32)]
    [InlineData(true, 16)]
    [InlineData(false, 24)]
    public void EncryptAndDecrypt_SixteenDigitPan_AllocateNothing(bool allowIntrinsics, int keyLength)
    {
        using var ff1 = new Ff1(new byte[keyLength], 10, allowIntrinsics);
        ReadOnlySpan<char> pan = "4111111111111111";
        ReadOnlySpan<byte> tweak = [0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47];
        Span<char> cipher = stackalloc char[16];
        Span<char> plain = stackalloc char[16];
        for (var i = 0; i < 2_000; i++)
        {
            ff1.Encrypt(pan, tweak, cipher);
            ff1.Decrypt(cipher, tweak, plain);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            ff1.Encrypt(pan, tweak, cipher);
            ff1.Decrypt(cipher, tweak, plain);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBe(0);
        plain.SequenceEqual(pan).ShouldBeTrue();
        cipher.SequenceEqual(pan).ShouldBeFalse();
    }
}
