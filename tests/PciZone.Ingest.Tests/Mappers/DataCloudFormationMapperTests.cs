using System.Text;
using PciZone.Estate;
using PciZone.Ingest.CloudFormation;

namespace PciZone.Ingest.Tests.Mappers;

public sealed class DataCloudFormationMapperTests
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
    public void KmsKey_NothingWritten_TakesTheAwsDefaults()
    {
        var key = Single<KmsKey>(Read("  Key:\n    Type: AWS::KMS::Key\n"), "Key");

        key.RotationEnabled.Get().ShouldBeFalse();
        key.RotationPeriodDays.Get().ShouldBe(365);
        key.RotationPeriodDays.IsDefault.ShouldBeTrue();
        key.DeletionWindowDays.Get().ShouldBe(30);
        key.IsEnabled.Get().ShouldBeTrue();
        key.IsSymmetricEncryption.ShouldBeTrue();
        key.PolicyDefined.Get().ShouldBeFalse();
        key.Policy.Get().ShouldBeNull();
    }

    [Fact]
    public void KmsKey_PolicyAsJsonString_IsParsedAndAliasJoins()
    {
        var resources = Read("""
              Key:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}]}'
              Alias:
                Type: AWS::KMS::Alias
                Properties:
                  AliasName: alias/payments
                  TargetKeyId: !Ref Key
            """);
        var key = Single<KmsKey>(resources, "Key");

        key.PolicyDefined.Get().ShouldBeTrue();
        key.Policy.Get()!.Statements.Single().HasWildcardPrincipal.ShouldBeTrue();
        key.Aliases.ShouldBe(["alias/payments"]);
    }

    [Fact]
    public void TopicAndQueuePolicies_JoinIntoEveryListedTarget()
    {
        var resources = Read("""
              A:
                Type: AWS::SNS::Topic
              B:
                Type: AWS::SNS::Topic
              Q:
                Type: AWS::SQS::Queue
              TopicPolicy:
                Type: AWS::SNS::TopicPolicy
                Properties:
                  Topics: [!Ref A, !Ref B]
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Principal: { Service: events.amazonaws.com }, Action: sns:Publish, Resource: "*" }]
              QueuePolicy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [!Ref Q]
                  PolicyDocument:
                    Statement: [{ Effect: Deny, Principal: "*", Action: "sqs:*", Resource: "*" }]
            """);

        Single<SnsTopic>(resources, "A").Policy.Get()!.Allows.ShouldHaveSingleItem();
        Single<SnsTopic>(resources, "B").Policy.Get()!.Allows.ShouldHaveSingleItem();
        Single<SqsQueue>(resources, "Q").Policy.Get()!.Denies.ShouldHaveSingleItem();
    }

    [Fact]
    public void SqsQueue_SseSqsDefault_DependsOnWhetherAKmsKeyIsSet()
    {
        var resources = Read("""
              Plain:
                Type: AWS::SQS::Queue
              Kms:
                Type: AWS::SQS::Queue
                Properties:
                  KmsMasterKeyId: alias/aws/sqs
            """);

        var plain = Single<SqsQueue>(resources, "Plain");
        plain.SqsManagedSse.Get().ShouldBeTrue();
        plain.SqsManagedSse.IsDefault.ShouldBeTrue();
        plain.KmsKey.Get().ShouldBeNull();
        Single<SqsQueue>(resources, "Kms").SqsManagedSse.Get().ShouldBeFalse();
    }

    [Fact]
    public void RdsInstance_InACluster_TakesStorageSettingsFromTheCluster()
    {
        var resources = Read("""
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
                  EngineMode: serverless
              Member:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: aurora-mysql
                  DBClusterIdentifier: !Ref Cluster
            """);

        var member = Single<RdsInstance>(resources, "Member");
        member.IsClusterMember.ShouldBeTrue();
        member.Cluster.Get()!.Address.ShouldBe("Cluster");
        member.StorageEncrypted.IsUnknown.ShouldBeTrue();
        member.PubliclyAccessible.IsUnknown.ShouldBeTrue();
        member.AutoMinorVersionUpgrade.Get().ShouldBeTrue();
        Single<RdsCluster>(resources, "Cluster").StorageEncrypted.Get().ShouldBeTrue();
    }

    [Fact]
    public void TableAndLogGroup_NothingWritten_AreOwnedKeyAndNeverExpire()
    {
        var resources = Read("""
              Table:
                Type: AWS::DynamoDB::Table
              Logs:
                Type: AWS::Logs::LogGroup
            """);

        var table = Single<DynamoDbTable>(resources, "Table");
        table.KmsEncryption.Get().ShouldBeFalse();
        table.PointInTimeRecovery.Get().ShouldBeFalse();
        var logs = Single<LogGroup>(resources, "Logs");
        logs.RetentionDays.Get().ShouldBe(0);
        logs.Name.IsUnknown.ShouldBeTrue();
    }
}
