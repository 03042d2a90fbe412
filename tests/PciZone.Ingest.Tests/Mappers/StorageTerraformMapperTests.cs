using PciZone.Estate;
using PciZone.Ingest.Terraform;

namespace PciZone.Ingest.Tests.Mappers;

/// <summary>Reads the real plans of the storage and audit-logging rule fixtures and checks what the mappers make of them.</summary>
public sealed class StorageTerraformMapperTests
{
    private static IReadOnlyList<Resource> ReadFixturePlan(string service, string slug)
    {
        var plan = Path.Combine(TestData.RepoRoot, "src", "PciZone.Rules", "Aws", service, slug, "fixtures", "terraform", "plan.json");
        var result = TerraformPlanReader.Read(plan, File.ReadAllBytes(plan), "");
        result.Errors.ShouldBeEmpty();
        return result.Resources;
    }

    private static T Single<T>(IReadOnlyList<Resource> resources, string address)
        where T : Resource => resources.OfType<T>().Single(r => r.Address == address);

    [Fact]
    public void S3Bucket_DeprecatedInlineBlocksNotWritten_TakeS3DefaultsNotUnknown()
    {
        var bucket = Single<S3Bucket>(ReadFixturePlan("S3", "s3-bucket-versioning-enabled"), "module.fail_not_versioned.aws_s3_bucket.none");

        bucket.VersioningEnabled.Get().ShouldBeFalse();
        bucket.VersioningEnabled.IsDefault.ShouldBeTrue();
        bucket.Encryption.Get().ShouldBeNull();
        bucket.Logging.Get().ShouldBeNull();
        bucket.Policy.Get().ShouldBeNull();
        bucket.ObjectLock.Get().ShouldBeNull();
        bucket.Lifecycle.Get().ShouldBeEmpty();
        bucket.Acl.Get().ShouldBe("private");
        bucket.AclGrants.Get().ShouldBeEmpty();
        bucket.ObjectOwnership.Get().ShouldBe("BucketOwnerEnforced");
        bucket.MfaDelete.Get().ShouldBeFalse();
    }

    [Fact]
    public void S3Bucket_InlineVersioningWritten_IsRead()
    {
        var bucket = Single<S3Bucket>(ReadFixturePlan("S3", "s3-bucket-versioning-enabled"), "module.pass_versioned.aws_s3_bucket.inline");

        bucket.VersioningEnabled.Get().ShouldBeTrue();
        bucket.VersioningEnabled.IsDefault.ShouldBeFalse();
    }

    [Fact]
    public void S3BucketVersioning_CountAndUnknownBucketName_JoinsEachByReference()
    {
        var bucket = Single<S3Bucket>(ReadFixturePlan("S3", "s3-bucket-versioning-enabled"), "module.pass_versioned.aws_s3_bucket.counted[1]");

        bucket.BucketName.IsUnknown.ShouldBeTrue();
        bucket.VersioningEnabled.Get().ShouldBeTrue();
        bucket.JoinedFrom.ShouldBe(["module.pass_versioned.aws_s3_bucket_versioning.counted[1]"]);
    }

    [Fact]
    public void S3BucketAcl_AccessControlPolicy_BecomesPublicGrant()
    {
        var bucket = Single<S3Bucket>(ReadFixturePlan("S3", "s3-bucket-not-public"), "module.fail_public.aws_s3_bucket.grant");

        var grant = bucket.AclGrants.Get().ShouldHaveSingleItem();
        grant.Permission.ShouldBe("READ");
        grant.IsPublic.ShouldBeTrue();
        bucket.Acl.Get().ShouldBe("private");
    }

    [Fact]
    public void S3ObjectLock_InlineRetentionInYears_IsCountedInDays()
    {
        var bucket = Single<S3Bucket>(ReadFixturePlan("S3", "s3-audit-log-bucket-object-locked"), "module.pass_locked.aws_s3_bucket.tagged");

        var objectLock = bucket.ObjectLock.Get().ShouldNotBeNull();
        objectLock.Enabled.Get().ShouldBeTrue();
        objectLock.Mode.Get().ShouldBe("GOVERNANCE");
        objectLock.RetentionDays.Get().ShouldBe(365);
    }

    [Fact]
    public void S3ObjectLock_EnabledWithoutRule_HasNoDefaultRetention()
    {
        var bucket = Single<S3Bucket>(ReadFixturePlan("S3", "s3-audit-log-bucket-object-locked"), "module.fail_not_locked.aws_s3_bucket.tagged");

        var objectLock = bucket.ObjectLock.Get().ShouldNotBeNull();
        objectLock.Enabled.Get().ShouldBeTrue();
        objectLock.Mode.Get().ShouldBeNull();
        objectLock.RetentionDays.Get().ShouldBeNull();
    }

    [Fact]
    public void Trail_UnwrittenAttributes_TakeCloudTrailDefaults()
    {
        var trail = Single<Trail>(ReadFixturePlan("CloudTrail", "cloudtrail-log-file-validation-enabled"), "module.fail_no_validation.aws_cloudtrail.default");

        trail.IsLogging.Get().ShouldBeTrue();
        trail.IsMultiRegion.Get().ShouldBeFalse();
        trail.IncludeGlobalServiceEvents.Get().ShouldBeTrue();
        trail.LogFileValidation.Get().ShouldBeFalse();
        trail.KmsKey.Get().ShouldBeNull();
        trail.CloudWatchLogGroup.Get().ShouldBeNull();
        trail.EventSelectors.Get().ShouldBeEmpty();
        trail.S3Bucket.Get().ShouldBe(ResourceRef.Id("pcizone-fixture-trail-logs"));
    }

    [Fact]
    public void Trail_LogGroupArnInterpolated_ResolvesToTheLogGroup()
    {
        var trail = Single<Trail>(ReadFixturePlan("CloudTrail", "cloudtrail-delivers-to-cloudwatch-logs"), "module.pass_cloudwatch.aws_cloudtrail.this[0]");

        trail.CloudWatchLogGroup.Get()!.Address.ShouldBe("module.pass_cloudwatch.aws_cloudwatch_log_group.trail");
    }

    [Fact]
    public void Trail_AdvancedSelectorWithUnknownArn_KeepsAPlaceholderNotAllBuckets()
    {
        var trail = Single<Trail>(ReadFixturePlan("CloudTrail", "cloudtrail-s3-data-events-recorded"), "module.fail_gaps.aws_cloudtrail.named");

        var arn = trail.AdvancedEventSelectors.Get().ShouldHaveSingleItem().FieldSelectors.Single(f => f.Field == "resources.ARN");
        arn.StartsWith.ShouldHaveSingleItem().ShouldNotStartWith("arn:aws:s3");
    }

    [Fact]
    public void ConfigRecorder_StatusCompanion_JoinsByNameReference()
    {
        var resources = ReadFixturePlan("Config", "config-recorder-on-for-all-resource-types");

        var stopped = Single<ConfigRecorder>(resources, "module.fail_gaps.aws_config_configuration_recorder.stopped");
        stopped.IsRecording.Get().ShouldBeFalse();
        stopped.IsRecording.IsDefault.ShouldBeFalse();
        stopped.JoinedFrom.ShouldBe(["module.fail_gaps.aws_config_configuration_recorder_status.stopped"]);

        var neverStarted = Single<ConfigRecorder>(resources, "module.fail_gaps.aws_config_configuration_recorder.never_started");
        neverStarted.IsRecording.Get().ShouldBeFalse();
        neverStarted.IsRecording.IsDefault.ShouldBeTrue();
    }

    [Fact]
    public void ConfigRecorder_RecordingGroupNotWritten_RecordsAllButGlobalTypes()
    {
        var recorder = Single<ConfigRecorder>(
            ReadFixturePlan("Config", "config-recorder-on-for-all-resource-types"), "module.fail_gaps.aws_config_configuration_recorder.no_global");

        recorder.AllSupported.Get().ShouldBeTrue();
        recorder.IncludeGlobalResourceTypes.Get().ShouldBeFalse();
        recorder.IsRecording.Get().ShouldBeTrue();
    }

    [Fact]
    public void S3LifecycleConfiguration_Companion_JoinsItsRules()
    {
        var bucket = Single<S3Bucket>(ReadFixturePlan("S3", "s3-audit-log-bucket-object-locked"), "module.pass_locked.aws_s3_bucket.trail");

        var rule = bucket.Lifecycle.Get().ShouldHaveSingleItem();
        rule.Id.ShouldBe("archive");
        rule.Enabled.Get().ShouldBeTrue();
        rule.ExpirationDays.Get().ShouldBe(400);
        var transition = rule.Transitions.ShouldHaveSingleItem();
        transition.Days.Get().ShouldBe(90);
        transition.StorageClass.Get().ShouldBe("GLACIER");
    }
}
