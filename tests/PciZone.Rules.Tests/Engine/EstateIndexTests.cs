using PciZone.Estate;
using PciZone.Rules.Aws;

namespace PciZone.Rules.Tests.Engine;

public sealed class EstateIndexTests
{
    private static S3Bucket Bucket(string address, string name) => new()
    {
        Address = address,
        SourceType = "aws_s3_bucket",
        Provenance = new Provenance("t.tf", 1, address),
        BucketName = Value.Of(name, Provenance.None),
    };

    [Fact]
    public void Resolve_LiteralSharedByTwoResources_FirstInEstateOrderWinsLikeTheScan()
    {
        var estate = new AwsEstate([Bucket("b.first", "logs"), Bucket("b.second", "logs"), Bucket("b.other", "other")]);
        static string? Name(S3Bucket b) => b.BucketName.GetOrDefault();

        foreach (var literal in new[] { "logs", "other", "missing" })
        {
            var reference = ResourceRef.Id(literal);
            EstateIndex.Resolve<S3Bucket>(estate, reference, "test-by-name", Name)?.Address
                .ShouldBe(estate.Resolve<S3Bucket>(reference, Name)?.Address);
        }

        EstateIndex.Resolve<S3Bucket>(estate, ResourceRef.Id("logs"), "test-by-name", Name)!.Address.ShouldBe("b.first");
    }

    [Fact]
    public void Resolve_AddressReference_WinsOverTheIndex()
    {
        var estate = new AwsEstate([Bucket("b.first", "logs"), Bucket("b.second", "logs")]);
        EstateIndex.Resolve<S3Bucket>(estate, ResourceRef.To("b.second"), "test-by-name", b => b.BucketName.GetOrDefault())!
            .Address.ShouldBe("b.second");
    }

    [Fact]
    public void Memo_ComputesOncePerEstate()
    {
        var estate = new AwsEstate([Bucket("b.first", "logs")]);
        var calls = 0;
        List<string> Build(AwsEstate e)
        {
            calls++;
            return [.. e.Resources.Select(r => r.Address)];
        }

        estate.Memo("k", Build).ShouldBeSameAs(estate.Memo("k", Build));
        calls.ShouldBe(1);
    }
}
