using System.Text.Json;
using PciZone.Estate;
using PciZone.Ingest.Terraform;

namespace PciZone.Ingest.Tests.Terraform;

/// <summary>Views of one type share their type's slot buffer; a view whose fill was overwritten must not read another's values.</summary>
public sealed class AttributeSlotsTests
{
    [Fact]
    public void Fill_AnotherOwnerFillsAfter_FirstOwnerNoLongerHolds()
    {
        using var doc = JsonDocument.Parse("""[{"a":"1","b":"x"},{"a":"2"}]""");
        var schema = new AttributeSchema();
        object first = new(), second = new();

        var slots = schema.Fill(doc.RootElement[0], first);
        schema.Holds(slots, first).ShouldBeTrue();
        schema.Fill(doc.RootElement[1], second);

        schema.Holds(slots, first).ShouldBeFalse();
    }

    [Fact]
    public void String_TwoViewsOfOneTypeReadInTurn_EachReadsItsOwnValues()
    {
        using var doc = JsonDocument.Parse("""
            {"configuration":{},
             "values":[{"bucket":"one","acl":"private"},{"bucket":"two"}]}
            """);
        var root = doc.RootElement;
        var instances = new[] { Instance(root, 0), Instance(root, 1) };
        var resolver = new ReferenceResolver(new ConfigIndex(root, null), instances);
        var schemas = new AttributeSchemas();
        var views = instances.Select(i => new TfView(i, new TfContext(resolver, i, "", schemas: schemas), i.Address,
            new Provenance("plan.json", 0, i.Address), default)).ToArray();

        var firstBefore = views[0].String("bucket").Get();
        var second = views[1].String("bucket").Get();
        var secondAcl = views[1].String("acl", "default").Get();
        var firstAfter = views[0].String("bucket").Get();
        var firstAcl = views[0].String("acl", "default").Get();

        (firstBefore, second, secondAcl, firstAfter, firstAcl).ShouldBe(("one", "two", "default", "one", "private"));
    }

    private static PlanInstance Instance(JsonElement root, int i) =>
        new($"aws_s3_bucket.b[{i}]", "", "", "aws_s3_bucket", "b", i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            root.GetProperty("values")[i], default, false, "aws_s3_bucket.b");
}
