using System.Text;
using PciZone.Estate;
using PciZone.Ingest.CloudFormation;

namespace PciZone.Ingest.Tests.Mappers;

public sealed class StorageCloudFormationMapperTests
{
    private static IReadOnlyList<Resource> Read(string resources)
    {
        var result = CloudFormationReader.Read("t.yaml", Encoding.UTF8.GetBytes("Resources:\n" + resources), "");
        result.Errors.ShouldBeEmpty();
        return result.Resources;
    }

    private static T Single<T>(IReadOnlyList<Resource> resources, string address)
        where T : Resource => resources.OfType<T>().Single(r => r.Address == address);

    [Fact]
    public void S3Bucket_NothingWritten_TakesTheS3Defaults()
    {
        var bucket = Single<S3Bucket>(Read("  B:\n    Type: AWS::S3::Bucket\n"), "B");

        bucket.BucketName.IsUnknown.ShouldBeTrue();
        bucket.Encryption.Get().ShouldBeNull();
        bucket.VersioningEnabled.Get().ShouldBeFalse();
        bucket.PublicAccessBlock.Get().ShouldBeNull();
        bucket.Policy.Get().ShouldBeNull();
        bucket.Logging.Get().ShouldBeNull();
        bucket.ObjectLock.Get().ShouldBeNull();
        bucket.Lifecycle.Get().ShouldBeEmpty();
        bucket.Acl.Get().ShouldBe("private");
        bucket.ObjectOwnership.Get().ShouldBe("BucketOwnerEnforced");
    }

    [Fact]
    public void S3Bucket_CannedAclInPascalCase_UsesTheS3ApiName()
    {
        var bucket = Single<S3Bucket>(Read("  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: AuthenticatedRead\n"), "B");

        bucket.Acl.Get().ShouldBe("authenticated-read");
    }

    [Fact]
    public void S3Bucket_LoggingWithoutDestination_LogsIntoItself()
    {
        var bucket = Single<S3Bucket>(Read("  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration:\n        LogFilePrefix: x/\n"), "B");

        bucket.Logging.Get()!.TargetBucket.Get().ShouldBe(ResourceRef.To("B"));
    }

    [Fact]
    public void S3Bucket_LifecycleRules_AreRead()
    {
        var bucket = Single<S3Bucket>(Read("""
              B:
                Type: AWS::S3::Bucket
                Properties:
                  LifecycleConfiguration:
                    Rules:
                      - Id: archive
                        Status: Enabled
                        ExpirationInDays: 400
                        Transitions:
                          - TransitionInDays: 90
                            StorageClass: GLACIER
            """), "B");

        var rule = bucket.Lifecycle.Get().ShouldHaveSingleItem();
        rule.Id.ShouldBe("archive");
        rule.Enabled.Get().ShouldBeTrue();
        rule.ExpirationDays.Get().ShouldBe(400);
        rule.Transitions.ShouldHaveSingleItem().StorageClass.Get().ShouldBe("GLACIER");
    }

    [Fact]
    public void BucketPolicy_ByBucketName_JoinsTheNamedBucket()
    {
        var resources = Read("""
              B:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: payments-data
              P:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: payments-data
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Principal: "*"
                        Action: s3:*
                        Resource: "*"
            """);

        var bucket = Single<S3Bucket>(resources, "B");
        bucket.Policy.Get()!.Denies.ShouldHaveSingleItem();
        bucket.JoinedFrom.ShouldBe(["P"]);
    }

    [Fact]
    public void ConfigRecorder_CreatedByCloudFormation_IsRecording()
    {
        var recorder = Single<ConfigRecorder>(Read("  R:\n    Type: AWS::Config::ConfigurationRecorder\n    Properties:\n      RoleARN: arn:aws:iam::111122223333:role/c\n"), "R");

        recorder.IsRecording.Get().ShouldBeTrue();
        recorder.AllSupported.Get().ShouldBeTrue();
        recorder.IncludeGlobalResourceTypes.Get().ShouldBeFalse();
    }

    [Fact]
    public void Trail_WithoutIsLogging_IsNotLogging()
    {
        var trail = Single<Trail>(Read("  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      S3BucketName: logs\n"), "T");

        trail.IsLogging.Get().ShouldBeFalse();
        trail.IncludeGlobalServiceEvents.Get().ShouldBeTrue();
        trail.S3Bucket.Get().ShouldBe(ResourceRef.Id("logs"));
    }
}
