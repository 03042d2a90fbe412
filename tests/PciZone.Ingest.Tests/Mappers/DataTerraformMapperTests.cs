using PciZone.Estate;
using PciZone.Ingest.Terraform;

namespace PciZone.Ingest.Tests.Mappers;

/// <summary>Reads the real plans of the data-store rule fixtures and checks what the mappers make of them.</summary>
public sealed class DataTerraformMapperTests
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
    public void KmsKey_UnwrittenComputedAttributes_TakeAwsDefaultsNotUnknown()
    {
        var key = Single<KmsKey>(
            ReadFixturePlan("KMS", "kms-key-policy-explicit"), "module.fail_default_policy.aws_kms_key.default_policy");

        key.PolicyDefined.Get().ShouldBeFalse();
        key.Policy.Get().ShouldBeNull();
        key.RotationPeriodDays.Get().ShouldBe(365);
        key.MultiRegion.Get().ShouldBeFalse();
        key.DeletionWindowDays.Get().ShouldBe(30);
    }

    [Fact]
    public void KmsKeyPolicy_ForEachCompanion_JoinsItsPolicyIntoEachKey()
    {
        var key = Single<KmsKey>(
            ReadFixturePlan("KMS", "kms-key-policy-wildcard-principal-restricted"),
            "module.pass_restricted.aws_kms_key.per_service[\"ledger\"]");

        key.PolicyDefined.Get().ShouldBeTrue();
        key.Policy.Get()!.Allows.Single().ConditionsOn("kms:CallerAccount").Single().Values.ShouldBe(["111122223333"]);
        key.JoinedFrom.ShouldBe(["module.pass_restricted.aws_kms_key_policy.per_service[\"ledger\"]"]);
    }

    [Fact]
    public void RdsClusterInstance_UnknownClusterId_StillLinksToTheCluster()
    {
        var member = Single<RdsInstance>(
            ReadFixturePlan("RDS", "rds-storage-encrypted"), "module.pass_encrypted.aws_rds_cluster_instance.aurora[1]");

        member.Cluster.Get()!.Address.ShouldBe("module.pass_encrypted.aws_rds_cluster.aurora");
        member.IsClusterMember.ShouldBeTrue();
    }

    [Fact]
    public void RdsCluster_StorageEncryptedUnwritten_IsTheProvisionedDefault()
    {
        var cluster = Single<RdsCluster>(
            ReadFixturePlan("RDS", "rds-storage-encrypted"), "module.fail_unencrypted.aws_rds_cluster.default");

        cluster.StorageEncrypted.Get().ShouldBeFalse();
        cluster.StorageEncrypted.IsDefault.ShouldBeTrue();
        cluster.BackupRetentionDays.Get().ShouldBe(1);
    }

    [Fact]
    public void DynamoDbTable_UnwrittenComputedBlocks_AreOwnedKeyAndNoRecovery()
    {
        var table = Single<DynamoDbTable>(
            ReadFixturePlan("DynamoDB", "dynamodb-table-encrypted-with-kms"), "module.fail_aws_owned_key.aws_dynamodb_table.default");

        table.KmsEncryption.Get().ShouldBeFalse();
        table.PointInTimeRecovery.Get().ShouldBeFalse();
        table.KmsKey.Get().ShouldBeNull();
    }

    [Fact]
    public void DynamoDbTable_KeyArnUnknownAtPlan_ResolvesToTheKey()
    {
        var table = Single<DynamoDbTable>(
            ReadFixturePlan("DynamoDB", "dynamodb-table-encrypted-with-kms"), "module.pass_kms.aws_dynamodb_table.cmk[0]");

        table.KmsKey.Get()!.Address.ShouldBe("module.pass_kms.aws_kms_key.tables");
    }

    [Fact]
    public void SqsQueue_NothingWritten_IsSseSqsByAwsDefault()
    {
        var queue = Single<SqsQueue>(
            ReadFixturePlan("SQS", "sqs-queue-encrypted"), "module.pass_encrypted.aws_sqs_queue.default");

        queue.SqsManagedSse.Get().ShouldBeTrue();
        queue.SqsManagedSse.IsDefault.ShouldBeTrue();
        queue.KmsKey.Get().ShouldBeNull();
    }

    [Fact]
    public void SnsTopic_EmptyKeyId_MeansNoKey()
    {
        var topic = Single<SnsTopic>(
            ReadFixturePlan("SNS", "sns-topic-encrypted-with-kms"), "module.fail_unencrypted.aws_sns_topic.empty_key");

        topic.KmsKey.Get().ShouldBeNull();
    }
}
