using PciZone.Estate;

namespace PciZone.Estate.Tests;

public sealed class ValueTests
{
    private sealed record Probe
    {
        public Value<bool> Flag { get; init; }
    }

    [Fact]
    public void DefaultValue_IsUnknownNeverFalse()
    {
        var probe = new Probe();
        probe.Flag.IsUnknown.ShouldBeTrue();
        probe.Flag.UnknownReason.ShouldBe("not read from the input");
        Should.Throw<InvalidOperationException>(() => probe.Flag.Get());
    }

    [Fact]
    public void Map_KeepsUnknownAndItsReason()
    {
        var unknown = Value.Unknown<string>("known after apply", Provenance.None);
        var mapped = unknown.Map(s => s.Length);
        mapped.IsUnknown.ShouldBeTrue();
        mapped.UnknownReason.ShouldBe("known after apply");
    }

    [Fact]
    public void Default_IsKnownAndMarkedAsDefault()
    {
        var v = Value.Default(false, new Provenance("main.tf", 3, "aws_s3_bucket.b"));
        v.IsKnown.ShouldBeTrue();
        v.IsDefault.ShouldBeTrue();
        v.Get().ShouldBeFalse();
        Value.Of(false, Provenance.None).IsDefault.ShouldBeFalse();
    }

    [Fact]
    public void ProvenanceAt_ComposesTheAddressLazilyAndComparesByValue()
    {
        var resource = new Provenance("main.tf", 7, "aws_s3_bucket.b");
        var attribute = resource.At("versioning.status");
        attribute.Address.ShouldBe("aws_s3_bucket.b.versioning.status");
        attribute.Line.ShouldBe(7);
        attribute.ShouldBe(new Provenance("main.tf", 7, "aws_s3_bucket.b.versioning.status"));
        resource.At("x", line: 9).Line.ShouldBe(9);
    }
}
