using System.Text;
using PciZone.Estate;
using PciZone.Ingest.CloudFormation;

namespace PciZone.Ingest.Tests.Mappers;

public sealed class IdentityCloudFormationMapperTests
{
    private static AwsEstate Read(string template, string prefix = "")
    {
        var result = CloudFormationReader.Read("t.yaml", Encoding.UTF8.GetBytes(template), prefix);
        result.Errors.ShouldBeEmpty();
        return new AwsEstate(result.Resources);
    }

    [Fact]
    public void Standard_DeclaredBeforeTheHub_IsJoinedIntoIt()
    {
        var estate = Read("""
            Resources:
              Pci:
                Type: AWS::SecurityHub::Standard
                Properties: {StandardsArn: "arn:aws:securityhub:eu-west-1::standards/pci-dss/v/4.0.1"}
              Hub:
                Type: AWS::SecurityHub::Hub
            """, prefix: "a#");

        var hub = estate.OfType<SecurityHubAccount>().ShouldHaveSingleItem();
        hub.Standards.Select(s => s.Get()).ShouldBe(["arn:aws:securityhub:eu-west-1::standards/pci-dss/v/4.0.1"]);
        hub.EnableDefaultStandards.IsDefault.ShouldBeTrue();
        hub.EnableDefaultStandards.Get().ShouldBeTrue();
    }

    [Fact]
    public void Detector_WithoutDataSources_HasAwsDefaultFeatures()
    {
        var detector = Read("""
            Resources:
              Detector: {Type: AWS::GuardDuty::Detector, Properties: {Enable: true}}
            """).OfType<GuardDutyDetector>().ShouldHaveSingleItem();

        detector.Features["S3_DATA_EVENTS"].IsDefault.ShouldBeTrue();
        detector.Features["S3_DATA_EVENTS"].Get().ShouldBeTrue();
        detector.Features["RUNTIME_MONITORING"].Get().ShouldBeFalse();
        detector.FindingPublishingFrequency.Get().ShouldBe("SIX_HOURS");
    }

    [Fact]
    public void Detector_FeaturesList_OverridesTheDataSourcesSetting()
    {
        var detector = Read("""
            Resources:
              Detector:
                Type: AWS::GuardDuty::Detector
                Properties:
                  Enable: true
                  DataSources: {S3Logs: {Enable: true}}
                  Features: [{Name: S3_DATA_EVENTS, Status: DISABLED}]
            """).OfType<GuardDutyDetector>().ShouldHaveSingleItem();

        detector.Features["S3_DATA_EVENTS"].Get().ShouldBeFalse();
    }

    [Fact]
    public void ManagedPolicy_AttachingItselfToARole_IsHeldByTheRole()
    {
        var estate = Read("""
            Resources:
              Admin:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  Roles: [!Ref Ops]
                  PolicyDocument: {Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}
              Ops:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: []}
            """);

        var role = estate.OfType<IamRole>().ShouldHaveSingleItem();
        var held = PolicyFacts.HeldBy(estate, role).ShouldHaveSingleItem();
        held.Document.Get()!.Statements.ShouldContain(s => PolicyFacts.GrantsFullAdmin(s));
        role.Name.IsUnknown.ShouldBeTrue();
        role.MaxSessionDuration.Get().ShouldBe(3600);
    }

    [Fact]
    public void StandalonePolicyAndAccessKey_JoinIntoTheUserTheyName()
    {
        var user = Read("""
            Resources:
              Alice: {Type: AWS::IAM::User, Properties: {UserName: alice}}
              Inline:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: read
                  Users: [alice]
                  PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
              Key1: {Type: AWS::IAM::AccessKey, Properties: {UserName: !Ref Alice}}
              Key2: {Type: AWS::IAM::AccessKey, Properties: {UserName: alice}}
            """).OfType<IamUser>().ShouldHaveSingleItem();

        user.InlinePolicies.Select(p => p.Name).ShouldBe(["read"]);
        user.AccessKeyCount.ShouldBe(2);
        user.HasLoginProfile.ShouldBeFalse();
    }

    [Fact]
    public void AttachedAwsManagedAdministratorAccess_IsHeldAsFullAdmin()
    {
        var estate = Read("""
            Resources:
              Admins:
                Type: AWS::IAM::Group
                Properties: {ManagedPolicyArns: ["arn:aws-us-gov:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"]}
            """);

        var held = PolicyFacts.HeldBy(estate, estate.OfType<IamGroup>().Single());
        held.Select(h => h.Label).ShouldBe(["attached AWS managed policy AdministratorAccess"]);
        PolicyFacts.Match(held, PolicyFacts.GrantsFullAdmin).Matching.Count.ShouldBe(1);
    }
}
