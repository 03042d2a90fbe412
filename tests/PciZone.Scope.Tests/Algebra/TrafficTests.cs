using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Tests.Algebra;

public sealed class TrafficTests
{
    private static readonly Range Any = Traffic.AnyAddress;
    private static readonly Range A = Cidr.Parse("10.0.0.0/24");
    private static readonly Range B = Cidr.Parse("10.1.0.0/24");
    private static readonly Range Ephemeral = new(1024, 65535);

    [Theory]
    [InlineData("-1", 0u, 255u)]
    [InlineData("tcp", 6u, 6u)]
    [InlineData("TCP", 6u, 6u)]
    [InlineData("udp", 17u, 17u)]
    [InlineData("icmp", 1u, 1u)]
    [InlineData("icmpv6", 58u, 58u)]
    [InlineData("6", 6u, 6u)]
    [InlineData("0", 0u, 0u)]
    [InlineData("50", 50u, 50u)]
    [InlineData("255", 255u, 255u)]
    public void Protocol_KnownText_GivesItsNumbers(string text, uint lo, uint hi) =>
        Traffic.Protocol(text).ShouldBe(new Range(lo, hi));

    [Theory]
    [InlineData("256")]
    [InlineData("-2")]
    [InlineData("+6")]
    [InlineData("")]
    [InlineData("all")]
    [InlineData("sctp")]
    public void Protocol_UnknownText_ThrowsNamingIt(string text) =>
        Should.Throw<FormatException>(() => Traffic.Protocol(text)).Message.ShouldContain($"'{text}'");

    [Fact]
    public void Ports_Valid_IsInclusiveRange() => Traffic.Ports(1024, 65535).ShouldBe(new Range(1024, 65535));

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 65536)]
    [InlineData(443, 80)]
    public void Ports_OutOfRange_Throws(int from, int to) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Traffic.Ports(from, to));

    [Fact]
    public void Flow_AllProtocols_IgnoresPorts()
    {
        var flow = Traffic.Flow(A, B, "-1", 22, 22);
        flow.SetEquals(Traffic.Of(A, B, Traffic.AnyProtocol, Traffic.AnyPort)).ShouldBeTrue();
        flow.Contains(A.Lo, B.Lo, 50, 12345).ShouldBeTrue();
    }

    [Fact]
    public void Flow_TcpWithPort_IsThatPortOfTcpOnly()
    {
        var flow = Traffic.Flow(A, B, "tcp", 443, 443);
        flow.Contains(A.Lo, B.Hi, Traffic.Tcp, 443).ShouldBeTrue();
        flow.Contains(A.Lo, B.Hi, Traffic.Tcp, 444).ShouldBeFalse();
        flow.Contains(A.Lo, B.Hi, Traffic.Udp, 443).ShouldBeFalse();
        flow.Contains(B.Lo, A.Lo, Traffic.Tcp, 443).ShouldBeFalse();
        flow.SetEquals(Traffic.Flow(A, B, "6", 443, 443)).ShouldBeTrue();
    }

    [Fact]
    public void Flow_IcmpTypeAndCode_AreNotPorts()
    {
        var flow = Traffic.Flow(A, B, "icmp", 8, 0); // echo request: type 8, code 0 (from > to as ports)
        flow.SetEquals(Traffic.Of(A, B, Range.Single(Traffic.Icmp), Traffic.AnyPort)).ShouldBeTrue();
    }

    [Fact]
    public void Flow_OtherProtocolWithPorts_MatchesEveryPort() =>
        Traffic.Flow(A, B, "50", 500, 500).Contains(A.Lo, B.Lo, 50, 0).ShouldBeTrue();

    [Fact]
    public void Flow_TcpMinusOnePorts_IsEveryPort() =>
        Traffic.Flow(A, B, "tcp", -1, -1).SetEquals(Traffic.Of(A, B, Range.Single(Traffic.Tcp), Traffic.AnyPort)).ShouldBeTrue();

    [Fact]
    public void Flow_TcpWithBadPorts_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Traffic.Flow(A, B, "tcp", 443, 80));

    [Fact]
    public void Describe_TrafficSets_ShortText()
    {
        Traffic.Describe(Tcp(443)).ShouldBe("tcp/443");
        Traffic.Describe(Tcp(1024, 65535).Union(Udp(53))).ShouldBe("tcp/1024-65535, udp/53");
        Traffic.Describe(Tcp(22).Union(Tcp(443))).ShouldBe("tcp/22, tcp/443");
        Traffic.Describe(Tcp(22).Union(Tcp(23))).ShouldBe("tcp/22-23");
        Traffic.Describe(Traffic.Flow(Any, Any, "-1", 0, 0)).ShouldBe("all");
        Traffic.Describe(Traffic.Flow(A, B, "icmp", -1, -1)).ShouldBe("icmp");
        Traffic.Describe(Traffic.Flow(A, B, "icmpv6", -1, -1)).ShouldBe("icmpv6");
        Traffic.Describe(Traffic.Flow(A, B, "tcp", 0, 65535)).ShouldBe("tcp/0-65535");
        Traffic.Describe(Traffic.Flow(A, B, "50", 0, 0)).ShouldBe("proto/50");
        Traffic.Describe(BoxSet.Empty(Traffic.Space)).ShouldBe("none");
    }

    [Fact]
    public void Describe_AlmostEverything_SaysWhatIsMissing()
    {
        var all = Traffic.Flow(Any, Any, "-1", 0, 0);
        Traffic.Describe(all.Except(Traffic.Flow(Any, Any, "tcp", 22, 22))).ShouldBe("all except tcp/22");
        Traffic.Describe(all.Except(Traffic.Flow(Any, Any, "icmp", 0, 0))).ShouldBe("all except icmp");
    }

    [Fact]
    public void Describe_PortMissingForSomeAddressesOnly_IsStillDescribed()
    {
        // Describe projects onto protocol and port: tcp/22 is in the set for every pair but A to B.
        var all = Traffic.Flow(Any, Any, "-1", 0, 0);
        Traffic.Describe(all.Except(Tcp(22))).ShouldBe("all");
    }

    [Fact]
    public void Describe_ProtocolRange_GroupsUnnamedProtocolsAroundNamedOnes() =>
        Traffic.Describe(Traffic.Of(A, B, new Range(0, 5), Traffic.AnyPort)).ShouldBe("proto/0, icmp, proto/2-5");

    [Fact]
    public void Describe_DifferentAddresses_AreIgnored() =>
        Traffic.Describe(Traffic.Flow(A, B, "tcp", 443, 443).Union(Traffic.Flow(B, A, "tcp", 443, 443))).ShouldBe("tcp/443");

    [Fact]
    public void Describe_OtherSpace_Throws() =>
        Should.Throw<ArgumentException>(() => Traffic.Describe(BoxSet.Full(new Space(3, 3))));

    [Fact]
    public void DescribeAddresses_Range_CidrBlocks()
    {
        Traffic.DescribeAddresses(Cidr.Parse("10.0.0.0/16")).ShouldBe("10.0.0.0/16");
        Traffic.DescribeAddresses(Any).ShouldBe("0.0.0.0/0");
    }

    [Fact]
    public void DescribeAddresses_SetDimension_ListsEveryBlock()
    {
        var set = Traffic.Flow(Any, Cidr.Parse("10.0.0.0/24"), "tcp", 443, 443)
            .Union(Traffic.Flow(Any, Cidr.Parse("10.0.1.5/32"), "udp", 53, 53));
        Traffic.DescribeAddresses(set, Traffic.DestinationDimension).ShouldBe("10.0.0.0/24, 10.0.1.5/32");
        Traffic.DescribeAddresses(set, Traffic.SourceDimension).ShouldBe("0.0.0.0/0");
    }

    [Fact]
    public void Reverse_TcpFlow_SwapsAddressesAndUsesEphemeralPorts()
    {
        var reply = Traffic.Reverse(Traffic.Flow(A, B, "tcp", 443, 443), Ephemeral);
        reply.SetEquals(Traffic.Of(B, A, Range.Single(Traffic.Tcp), Ephemeral)).ShouldBeTrue(reply.ToString());
    }

    [Fact]
    public void Reverse_AllProtocols_EphemeralForTcpAndUdpOnly()
    {
        var reply = Traffic.Reverse(Traffic.Flow(A, B, "-1", 0, 0), Ephemeral);
        var expected = Traffic.Of(B, A, Traffic.AnyProtocol, Traffic.AnyPort)
            .Except(Traffic.Of(B, A, Range.Single(Traffic.Tcp), new Range(0, 1023)))
            .Except(Traffic.Of(B, A, Range.Single(Traffic.Udp), new Range(0, 1023)));
        reply.SetEquals(expected).ShouldBeTrue(reply.ToString());
        Traffic.Describe(reply).ShouldBe("all except tcp/0-1023, udp/0-1023");
    }

    [Fact]
    public void Reverse_Icmp_KeepsEveryPort() =>
        Traffic.Reverse(Traffic.Flow(A, B, "icmp", 8, 0), Ephemeral)
            .SetEquals(Traffic.Flow(B, A, "icmp", 0, 0)).ShouldBeTrue();

    [Fact]
    public void Reverse_SeveralPortsToOneHost_CollapseToOneReply()
    {
        var forward = Traffic.Flow(A, B, "tcp", 22, 22).Union(Traffic.Flow(A, B, "tcp", 443, 443));
        var reply = Traffic.Reverse(forward, Ephemeral);
        reply.Count.ShouldBe(1);
        reply.SetEquals(Traffic.Of(B, A, Range.Single(Traffic.Tcp), Ephemeral)).ShouldBeTrue();
    }

    [Fact]
    public void Reverse_Empty_IsEmpty() => Traffic.Reverse(BoxSet.Empty(Traffic.Space), Ephemeral).IsEmpty.ShouldBeTrue();

    [Fact]
    public void Reverse_Twice_IsTheForwardAddressPairsWithEphemeralPorts()
    {
        var forward = Traffic.Flow(A, B, "udp", 53, 53);
        Traffic.Reverse(Traffic.Reverse(forward, Ephemeral), Ephemeral)
            .SetEquals(Traffic.Of(A, B, Range.Single(Traffic.Udp), Ephemeral)).ShouldBeTrue();
    }

    private static BoxSet Tcp(int from, int? to = null) => Traffic.Flow(A, B, "tcp", from, to ?? from);

    private static BoxSet Udp(int port) => Traffic.Flow(A, B, "udp", port, port);
}
