using CsCheck;
using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Tests.Algebra;

public sealed class CidrTests
{
    [Theory]
    [InlineData("0.0.0.0/0", 0u, uint.MaxValue)]
    [InlineData("10.0.0.0/8", 0x0A000000u, 0x0AFFFFFFu)]
    [InlineData("10.0.1.5/32", 0x0A000105u, 0x0A000105u)]
    [InlineData("255.255.255.255/32", uint.MaxValue, uint.MaxValue)]
    [InlineData("192.168.1.0/31", 0xC0A80100u, 0xC0A80101u)]
    [InlineData("128.0.0.0/1", 0x80000000u, uint.MaxValue)]
    public void Parse_ValidBlock_GivesItsRange(string text, uint lo, uint hi) =>
        Cidr.Parse(text).ShouldBe(new Range(lo, hi));

    [Theory]
    [InlineData("10.0.0.5/24", "10.0.0.0/24")]
    [InlineData("192.168.77.1/16", "192.168.0.0/16")]
    [InlineData("1.2.3.4/0", "0.0.0.0/0")]
    public void Parse_HostBitsSet_GivesTheCoveringNetwork(string text, string network) =>
        Cidr.Parse(text).ShouldBe(Cidr.Parse(network));

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/08")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("10.0.0/8")]
    [InlineData("10.0.0.0.0/8")]
    [InlineData("10..0.0/8")]
    [InlineData("10.0.0.256/8")]
    [InlineData("010.0.0.0/8")]
    [InlineData("+10.0.0.0/8")]
    [InlineData(" 10.0.0.0/8")]
    [InlineData("10.0.0.0/8 ")]
    [InlineData("a.b.c.d/8")]
    [InlineData("::/0")]
    [InlineData("2001:db8::/32")]
    public void Parse_BadText_ThrowsFormatExceptionNamingIt(string text)
    {
        var e = Should.Throw<FormatException>(() => Cidr.Parse(text));
        e.Message.ShouldContain($"'{text}'");
        Cidr.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryParse_Null_IsFalse() => Cidr.TryParse(null, out _).ShouldBeFalse();

    [Fact]
    public void ParseAddress_DottedQuad_RoundTripsThroughFormat()
    {
        Cidr.ParseAddress("10.0.1.5").ShouldBe(0x0A000105u);
        Cidr.FormatAddress(0x0A000105u).ShouldBe("10.0.1.5");
        Should.Throw<FormatException>(() => Cidr.ParseAddress("10.0.1")).Message.ShouldContain("'10.0.1'");
    }

    [Theory]
    [InlineData(0u, uint.MaxValue, "0.0.0.0/0")]
    [InlineData(0x0A000000u, 0x0A0001FFu, "10.0.0.0/23")]
    [InlineData(0x0A000001u, 0x0A000002u, "10.0.0.1/32, 10.0.0.2/32")]
    [InlineData(0x0A000000u, 0x0A000006u, "10.0.0.0/30, 10.0.0.4/31, 10.0.0.6/32")]
    [InlineData(uint.MaxValue, uint.MaxValue, "255.255.255.255/32")]
    [InlineData(1u, uint.MaxValue, "0.0.0.1/32, 0.0.0.2/31, 0.0.0.4/30, 0.0.0.8/29, 0.0.0.16/28, 0.0.0.32/27, 0.0.0.64/26, 0.0.0.128/25, 0.0.1.0/24, 0.0.2.0/23, 0.0.4.0/22, 0.0.8.0/21, 0.0.16.0/20, 0.0.32.0/19, 0.0.64.0/18, 0.0.128.0/17, 0.1.0.0/16, 0.2.0.0/15, 0.4.0.0/14, 0.8.0.0/13, 0.16.0.0/12, 0.32.0.0/11, 0.64.0.0/10, 0.128.0.0/9, 1.0.0.0/8, 2.0.0.0/7, 4.0.0.0/6, 8.0.0.0/5, 16.0.0.0/4, 32.0.0.0/3, 64.0.0.0/2, 128.0.0.0/1")]
    public void Blocks_Range_FewestCoveringBlocks(uint lo, uint hi, string expected) =>
        string.Join(", ", Cidr.Blocks(new Range(lo, hi))).ShouldBe(expected);

    [Fact]
    public void Blocks_RandomRange_TileItExactlyWithAlignedBlocks() =>
        Gen.Select(Gen.UInt, Gen.UInt).Sample((a, b) =>
        {
            var range = new Range(Math.Min(a, b), Math.Max(a, b));
            ulong next = range.Lo;
            var blocks = Cidr.Blocks(range);
            blocks.Count.ShouldBeLessThanOrEqualTo(62);
            foreach (var block in blocks)
            {
                var r = Cidr.Parse(block);
                r.Lo.ShouldBe((uint)next, block);
                Cidr.Blocks(r).ShouldBe([block]); // parsing the text gives the very block back
                next = (ulong)r.Hi + 1;
            }

            next.ShouldBe((ulong)range.Hi + 1);
        });

    [Fact]
    public void Parse_FormattedBlock_RoundTrips() =>
        Gen.Select(Gen.UInt, Gen.Int[0, 32]).Sample((address, prefix) =>
        {
            var r = Cidr.Parse($"{Cidr.FormatAddress(address)}/{prefix}");
            r.Size.ShouldBe(1UL << (32 - prefix));
            r.Contains(address).ShouldBeTrue();
            (r.Lo % r.Size).ShouldBe(0UL);
        });

    [Fact]
    public void Describe_Ranges_MergesThenListsBlocks() =>
        Cidr.Describe([Cidr.Parse("10.0.1.0/24"), Cidr.Parse("10.0.0.0/24"), Cidr.Parse("10.0.0.128/25")]).ShouldBe("10.0.0.0/23");
}
