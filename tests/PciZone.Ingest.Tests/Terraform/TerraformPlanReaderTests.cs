using System.Text;
using PciZone.Estate;
using PciZone.Ingest.Terraform;

namespace PciZone.Ingest.Tests.Terraform;

public sealed class TerraformPlanReaderTests
{
    private static readonly string JoinsPlan = Path.Combine(TestData.Root, "terraform", "joins", "plan.json");

    private static FileReadResult ReadJoins() =>
        TerraformPlanReader.Read(JoinsPlan, File.ReadAllBytes(JoinsPlan), "", TerraformPlanReader.Registry([new TestMappers()]));

    private static S3Bucket Bucket(FileReadResult result, string address) =>
        result.Resources.OfType<S3Bucket>().Single(b => b.Address == address);

    [Fact]
    public void Read_CountInstances_JoinEachCompanionToTheSameIndex()
    {
        var result = ReadJoins();
        Bucket(result, "aws_s3_bucket.counted[0]").VersioningEnabled.Get().ShouldBeTrue();
        Bucket(result, "aws_s3_bucket.counted[1]").VersioningEnabled.Get().ShouldBeFalse();
        Bucket(result, "aws_s3_bucket.counted[1]").JoinedFrom.ShouldBe(["aws_s3_bucket_versioning.counted[1]"]);
    }

    [Fact]
    public void Read_ForEachWithUnknownIds_JoinsThroughEachValueReferences()
    {
        var result = ReadJoins();
        var a = Bucket(result, "aws_s3_bucket.each[\"a\"]");
        a.BucketName.IsUnknown.ShouldBeTrue();
        a.VersioningEnabled.Get().ShouldBeTrue();
        a.JoinedFrom.ShouldBe(["aws_s3_bucket_versioning.each[\"a\"]"]);
        a.Tags["data-class"].ShouldBe("cde");
    }

    [Fact]
    public void Read_ModuleOutputReference_JoinsIntoTheBucketInsideTheModule()
    {
        var logs = Bucket(ReadJoins(), "module.logs.aws_s3_bucket.this");
        logs.Policy.Get()!.Denies.Single().ConditionsOn("aws:SecureTransport").Single().Values.ShouldBe(["false"]);
        logs.PublicAccessBlock.Get()!.AllTrue.ShouldBeTrue();
    }

    [Fact]
    public void Read_ListMixingReferenceAndLiteral_KeepsBoth()
    {
        var role = ReadJoins().Resources.OfType<IamRole>().Single();
        role.AttachedPolicies.Select(p => p.Get()!.ToString())
            .ShouldBe(["aws_iam_policy.custom", "arn:aws:iam::aws:policy/ReadOnlyAccess"]);
    }

    [Fact]
    public void Read_IndexedModuleOutputReference_JoinsIntoThatModuleInstanceOnly()
    {
        var result = ReadJoins();
        Bucket(result, "module.logs_counted[1].aws_s3_bucket.this").JoinedFrom.ShouldContain("aws_s3_bucket_versioning.second_counted_log");
        Bucket(result, "module.logs_counted[0].aws_s3_bucket.this").JoinedFrom.ShouldNotContain("aws_s3_bucket_versioning.second_counted_log");
    }

    [Fact]
    public void Read_LiteralBucketName_JoinsByName()
    {
        var logs = Bucket(ReadJoins(), "module.logs.aws_s3_bucket.this");
        logs.JoinedFrom.ShouldContain("aws_s3_bucket_versioning.literal");
        logs.VersioningEnabled.Get().ShouldBeTrue();
    }

    [Fact]
    public void Read_ResourceWithoutModel_IsNotedNotDropped()
    {
        var result = ReadJoins();
        result.Errors.ShouldBeEmpty();
        result.Notes.ShouldContain(n => n.Message.Contains("aws_sqs_queue", StringComparison.Ordinal));
        result.Notes.ShouldContain(n => n.Message.Contains("aws_iam_policy", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SourceNextToPlan_ProvenanceHasTfFileAndLine()
    {
        var b = Bucket(ReadJoins(), "aws_s3_bucket.each[\"b\"]");
        b.Provenance.File.ShouldEndWith("main.tf");
        b.Provenance.Line.ShouldBe(16);
        var inModule = Bucket(ReadJoins(), "module.logs.aws_s3_bucket.this");
        inModule.Provenance.File.Replace('\\', '/').ShouldEndWith("modules/logbucket/main.tf");
        inModule.Provenance.Line.ShouldBe(5);
    }

    [Fact]
    public void Read_AddressPrefix_QualifiesAddressesAndReferences()
    {
        var result = TerraformPlanReader.Read(JoinsPlan, File.ReadAllBytes(JoinsPlan), "x.json#", TerraformPlanReader.Registry([new TestMappers()]));
        var a = result.Resources.OfType<S3Bucket>().Single(b => b.Address == "x.json#aws_s3_bucket.each[\"a\"]");
        a.VersioningEnabled.Get().ShouldBeTrue();
    }

    [Theory]
    [InlineData("{\"format_version\":\"2.0\",\"planned_values\":{}}", "unsupported plan format_version \"2.0\"")]
    [InlineData("{\"planned_values\":{}}", "no format_version")]
    [InlineData("{\"format_version\":\"1.2\",\n\"planned_values\": [", "malformed JSON")]
    public void Read_BadPlan_OneErrorNamingTheFile(string json, string expected)
    {
        var result = TerraformPlanReader.Read("bad.json", Encoding.UTF8.GetBytes(json), "");
        result.Errors.Count.ShouldBe(1);
        result.Errors[0].File.ShouldBe("bad.json");
        result.Errors[0].Message.ShouldContain(expected);
    }

    [Fact]
    public void Read_MalformedJson_ErrorHasLine()
    {
        var result = TerraformPlanReader.Read("bad.json", Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\n\"a\": 1,\n\"b\": }"), "");
        result.Errors.Single().Line.ShouldBe(3);
        result.Errors.Single().Message.ShouldNotContain("LineNumber");
        result.Errors.Single().Message.ShouldContain("(column 6)");
    }

    [Fact]
    public void Read_StateJson_ReadsValuesLikeAPlan()
    {
        const string state = """
            {"format_version":"1.0","terraform_version":"1.11.4","values":{"root_module":{"resources":[
              {"address":"aws_s3_bucket.s","mode":"managed","type":"aws_s3_bucket","name":"s","values":{"bucket":"from-state"}}]}}}
            """;
        var result = TerraformPlanReader.Read("state.json", Encoding.UTF8.GetBytes(state), "", TerraformPlanReader.Registry([new TestMappers()]));
        result.Resources.OfType<S3Bucket>().Single().BucketName.Get().ShouldBe("from-state");
    }

    [Fact]
    public void Read_DeletedResource_IsNotInTheEstate()
    {
        const string plan = """
            {"format_version":"1.2","planned_values":{"root_module":{}},
             "resource_changes":[{"address":"aws_s3_bucket.gone","mode":"managed","type":"aws_s3_bucket","name":"gone",
               "change":{"actions":["delete"],"before":{"bucket":"gone"},"after":null,"after_unknown":{}}}],
             "prior_state":{"values":{"root_module":{"resources":[
               {"address":"aws_s3_bucket.gone","mode":"managed","type":"aws_s3_bucket","name":"gone","values":{"bucket":"gone"}},
               {"address":"aws_s3_bucket.kept","mode":"managed","type":"aws_s3_bucket","name":"kept","values":{"bucket":"kept"}}]}}}}
            """;
        var result = TerraformPlanReader.Read("p.json", Encoding.UTF8.GetBytes(plan), "", TerraformPlanReader.Registry([new TestMappers()]));
        result.Resources.Select(r => r.Address).ShouldBe(["aws_s3_bucket.kept"]);
    }

    [Fact]
    public void Read_ResourceChangesOutOfOrderWithDataSourceFirst_SameInstancesAndUnknowns()
    {
        var original = File.ReadAllText(JoinsPlan);
        var node = System.Text.Json.Nodes.JsonNode.Parse(original)!;
        var changes = node["resource_changes"]!.AsArray();
        var shuffled = changes.Select(c => c!.DeepClone()).Reverse().ToList();
        changes.Clear();
        changes.Add(System.Text.Json.Nodes.JsonNode.Parse(
            """{"address":"data.aws_caller_identity.me","mode":"data","type":"aws_caller_identity","name":"me","change":{"actions":["read"],"after_unknown":{"id":true}}}"""));
        foreach (var c in shuffled)
        {
            changes.Add(c);
        }

        var registry = TerraformPlanReader.Registry([new TestMappers()]);
        var expected = TerraformPlanReader.Read(JoinsPlan, Encoding.UTF8.GetBytes(original), "", registry);
        var actual = TerraformPlanReader.Read(JoinsPlan, Encoding.UTF8.GetBytes(node.ToJsonString()), "", registry);

        actual.Resources.Select(Describe).ShouldBe(expected.Resources.Select(Describe));
        Bucket(actual, "aws_s3_bucket.each[\"a\"]").BucketName.IsUnknown.ShouldBeTrue();
    }

    [Fact]
    public void Read_DeposedObjectBeingDeleted_KeepsTheLiveInstance()
    {
        const string plan = """
            {"format_version":"1.2","planned_values":{"root_module":{"resources":[
               {"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{"bucket":"live"}}]}},
             "resource_changes":[
               {"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","deposed":"00000001",
                "change":{"actions":["delete"],"before":{"bucket":"old"},"after":null,"after_unknown":{}}},
               {"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b",
                "change":{"actions":["create"],"before":null,"after":{"bucket":"live"},"after_unknown":{"id":true}}}]}
            """;
        var result = TerraformPlanReader.Read("p.json", Encoding.UTF8.GetBytes(plan), "", TerraformPlanReader.Registry([new TestMappers()]));
        result.Resources.OfType<S3Bucket>().Single().BucketName.Get().ShouldBe("live");
    }

    private static string Describe(PciZone.Estate.Resource r) => r switch
    {
        S3Bucket b => $"{b.Address}|{b.BucketName}|{b.VersioningEnabled}|{string.Join(",", b.JoinedFrom)}",
        _ => r.Address,
    };
}
