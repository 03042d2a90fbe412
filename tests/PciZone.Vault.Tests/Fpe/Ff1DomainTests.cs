using System.Diagnostics;
using PciZone.Vault.Fpe;

namespace PciZone.Vault.Tests.Fpe;

/// <summary>What SP 800-38G (Rev. 1) and our documented limits refuse, and how.</summary>
public sealed class Ff1DomainTests
{
    private static readonly byte[] Key = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3cef4359d8d580aa4f7f036d6f04fc6a94");

    [Theory]
    [InlineData(10, 5)]
    [InlineData(36, 3)]
    [InlineData(2, 19)]
    [InlineData(16, 4)]
    [InlineData(10, 1)]
    public void Encrypt_FewerNumeralsThanAMillionValueDomain_IsRefused(int radix, int length)
    {
        using var ff1 = new Ff1(Key, radix);
        var input = new string('1', length);

        var ex = Should.Throw<FpeDomainException>(() => ff1.Encrypt(input, [], new char[length]));

        ex.ParamName.ShouldBe("input");
        ex.Message.ShouldContain("1,000,000");
        Should.Throw<FpeDomainException>(() => ff1.Decrypt(input, [], new char[length]));
    }

    [Theory]
    [InlineData(10, 6)]
    [InlineData(36, 4)]
    [InlineData(2, 20)]
    [InlineData(16, 5)]
    public void Encrypt_ShortestLengthWithAMillionValues_IsAccepted(int radix, int length)
    {
        using var ff1 = new Ff1(Key, radix);
        var input = new string('1', length);

        var output = Ff1TestSupport.Encrypt(ff1, input, []);

        Ff1TestSupport.Decrypt(ff1, output, []).ShouldBe(input);
        Ff1Radix.MinLength(radix).ShouldBe(length);
    }

    [Fact]
    public void Encrypt_MoreThan4096Numerals_IsRefused()
    {
        using var ff1 = new Ff1(Key, 10);

        Should.Throw<FpeDomainException>(() => ff1.Encrypt(new string('7', 4097), [], new char[4097])).ParamName.ShouldBe("input");
        Ff1TestSupport.Encrypt(ff1, new string('7', 4096), []).Length.ShouldBe(4096);
    }

    [Fact]
    public void Encrypt_TenThousandDigits_IsRefusedWellUnderASecond()
    {
        using var ff1 = new Ff1(Key, 10);
        var input = new string('4', 10_000);
        var output = new char[10_000];
        _ = Should.Throw<FpeDomainException>(() => ff1.Encrypt("12", [], new char[2])); // JIT the refusal path first

        var clock = Stopwatch.StartNew();
        Should.Throw<FpeDomainException>(() => ff1.Encrypt(input, [], output));
        clock.Stop();

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(250));
        output.ShouldAllBe(c => c == '\0');
    }

    [Theory]
    [InlineData(10, "411111111111111a")]
    [InlineData(10, "4111 1111 1111 1111")]
    [InlineData(10, "4111-1111-1111-1111")]
    [InlineData(10, "411111111111111\u0661")]
    [InlineData(36, "4111111111111111Z")]
    [InlineData(16, "411111111111111g")]
    public void Encrypt_CharacterOutsideTheAlphabet_IsRefusedWithoutEchoingTheInput(int radix, string input)
    {
        using var ff1 = new Ff1(Key, radix);

        var ex = Should.Throw<FpeDomainException>(() => ff1.Encrypt(input, [], new char[input.Length]));

        ex.Message.ShouldNotContain("4111");
        ex.Message.ShouldContain("alphabet");
        ex.ParamName.ShouldBe("input");
    }

    [Fact]
    public void Encrypt_TweakLongerThan256Bytes_IsRefused()
    {
        using var ff1 = new Ff1(Key, 10);

        Should.Throw<FpeDomainException>(() => ff1.Encrypt("4111111111111111", new byte[257], new char[16])).ParamName.ShouldBe("tweak");
        Ff1TestSupport.Decrypt(ff1, Ff1TestSupport.Encrypt(ff1, "4111111111111111", new byte[256]), new byte[256]).ShouldBe("4111111111111111");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(37)]
    [InlineData(62)]
    public void Constructor_RadixOutside2To36_IsRefused(int radix)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Ff1(Key, radix)).ParamName.ShouldBe("radix");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(33)]
    public void Constructor_KeyNotAnAesKey_IsRefused(int length)
    {
        Should.Throw<ArgumentException>(() => new Ff1(new byte[length], 10)).ParamName.ShouldBe("key");
    }

    [Fact]
    public void Encrypt_OutputOfAnotherLength_IsAnArgumentErrorNotADomainError()
    {
        using var ff1 = new Ff1(Key, 10);

        var ex = Should.Throw<ArgumentException>(() => ff1.Encrypt("4111111111111111", [], new char[17]));

        ex.ShouldNotBeOfType<FpeDomainException>();
        ex.ParamName.ShouldBe("output");
    }

    [Fact]
    public void Encrypt_AfterDispose_Throws()
    {
        var ff1 = new Ff1(Key, 10);
        ff1.Dispose();

        Should.Throw<ObjectDisposedException>(() => ff1.Encrypt("4111111111111111", [], new char[16]));
    }
}
