using PciZone.Ingest.CloudFormation;
using static PciZone.Ingest.Tests.CloudFormation.CfnTestKit;

namespace PciZone.Ingest.Tests.CloudFormation;

public sealed class MappingDriverTests
{
    [Fact]
    public void Read_CompanionListedBeforeItsPrimary_IsStillJoined()
    {
        var result = Read("""
            Resources:
              Policy:
                Type: AWS::S3::BucketPolicy
                Properties: {Bucket: !Ref Logs, PolicyDocument: {Statement: []}}
              Logs:
                Type: AWS::S3::Bucket
            """, BucketRegistry(), prefix: "s#");

        result.Errors.ShouldBeEmpty();
        result.Resources.ShouldHaveSingleItem().JoinedFrom.ShouldBe(["s#Policy"]);
    }

    [Fact]
    public void Read_CompanionNamingThePrimaryLiterally_IsJoinedByLiteralKey()
    {
        var result = Read("""
            Resources:
              Logs: {Type: AWS::S3::Bucket, Properties: {BucketName: my-logs}}
              Other: {Type: AWS::S3::Bucket, Properties: {BucketName: other}}
              Policy: {Type: AWS::S3::BucketPolicy, Properties: {Bucket: my-logs}}
            """, BucketRegistry());

        result.Resources.Single(r => r.Address == "Logs").JoinedFrom.ShouldBe(["Policy"]);
        result.Resources.Single(r => r.Address == "Other").JoinedFrom.ShouldBeEmpty();
    }

    [Fact]
    public void Read_CompanionWithoutPrimary_IsANoteNotAnError()
    {
        var result = Read("""
            Resources:
              Policy: {Type: AWS::S3::BucketPolicy, Properties: {Bucket: someone-elses}}
              Unset: {Type: AWS::S3::BucketPolicy}
            """, BucketRegistry());

        result.Errors.ShouldBeEmpty();
        result.Notes.Select(n => n.Address).ShouldBe(["Policy", "Unset"]);
        result.Notes[0].Message.ShouldContain("someone-elses");
    }

    [Fact]
    public void Read_TypeWithoutMapper_IsNotedAsNotChecked()
    {
        var result = Read("Resources:\n  Q: {Type: AWS::Foo::Bar}\n", BucketRegistry(), file: "f.yaml");

        result.Errors.ShouldBeEmpty();
        result.Notes.ShouldHaveSingleItem().ShouldBe(new InputNote("f.yaml", "Q", "no model for AWS::Foo::Bar; not checked"));
    }

    [Fact]
    public void Read_MapperThatThrows_IsAnErrorNamingResourceAndLineAndOthersAreMapped()
    {
        var registry = BucketRegistry();
        registry.Primary("AWS::Test::Broken", (_, _) => throw new FormatException("boom"));

        var result = Read("Resources:\n  Bucket: {Type: AWS::S3::Bucket}\n  Bad:\n    Type: AWS::Test::Broken\n", registry);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(3);
        error.Message.ShouldContain("AWS::Test::Broken Bad");
        error.Message.ShouldContain("boom");
        result.Resources.ShouldHaveSingleItem().Address.ShouldBe("Bucket");
    }

    [Fact]
    public void Read_FalseCondition_LeavesTheResourceOutWithANote()
    {
        var result = Read("""
            Parameters:
              Env: {Type: String, Default: dev}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              ProdOnly: {Type: AWS::S3::Bucket, Condition: IsProd}
              Always: {Type: AWS::S3::Bucket}
            """, BucketRegistry());

        result.Resources.Select(r => r.Address).ShouldBe(["Always"]);
        result.Notes.ShouldHaveSingleItem().Message.ShouldContain("condition IsProd is false");
    }

    [Fact]
    public void Read_UnknownCondition_KeepsTheResourceWithANote()
    {
        var result = Read("""
            Conditions:
              East: !Equals [!Ref AWS::Region, us-east-1]
            Resources:
              Maybe: {Type: AWS::S3::Bucket, Condition: East}
            """, BucketRegistry());

        result.Resources.Select(r => r.Address).ShouldBe(["Maybe"]);
        result.Notes.ShouldHaveSingleItem().Message.ShouldContain("cannot be evaluated offline");
    }

    [Fact]
    public void Read_TwoResourcesAtOneAddress_IsAnError()
    {
        var registry = new MapperRegistry();
        registry.Primary("AWS::S3::Bucket", (view, estate) => estate.Add(new TestBucket
        {
            Address = "fixed", SourceType = view.Type, Provenance = view.Provenance,
        }));

        var result = Read("Resources:\n  A: {Type: AWS::S3::Bucket}\n  B: {Type: AWS::S3::Bucket}\n", registry);

        result.Resources.ShouldHaveSingleItem();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("two estate resources at address fixed");
    }

    [Fact]
    public void Read_Transform_IsNoted()
    {
        var result = Read("Transform: AWS::Serverless-2016-10-31\nResources:\n  F: {Type: AWS::Serverless::Function}\n");

        result.Notes.ShouldContain(n => n.Message.Contains("AWS::Serverless-2016-10-31", StringComparison.Ordinal));
    }

    [Fact]
    public void DiscoveredRegistry_HoldsEveryTypeOfEveryMapperGroup()
    {
        var groups = typeof(CloudFormationReader).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICloudFormationMappers).IsAssignableFrom(t))
            .ToList();
        groups.ShouldNotBeEmpty();

        var discovered = CloudFormationMapping.Registry.Types.ToHashSet(StringComparer.Ordinal);

        foreach (var group in groups)
        {
            var own = new MapperRegistry();
            ((ICloudFormationMappers)Activator.CreateInstance(group, nonPublic: true)!).Register(own);
            own.Types.Where(t => !discovered.Contains(t)).ShouldBeEmpty(group.Name);
        }
    }
}
