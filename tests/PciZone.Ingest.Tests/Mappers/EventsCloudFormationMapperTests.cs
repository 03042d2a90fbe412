using System.Text;
using System.Text.Json.Nodes;
using PciZone.Estate;
using PciZone.Ingest.CloudFormation;

namespace PciZone.Ingest.Tests.Mappers;

public sealed class EventsCloudFormationMapperTests
{
    private static EventRule ReadRule(string template)
    {
        var result = CloudFormationReader.Read("t.yaml", Encoding.UTF8.GetBytes(template), "");
        result.Errors.ShouldBeEmpty();
        return new AwsEstate(result.Resources).OfType<EventRule>().ShouldHaveSingleItem();
    }

    [Fact]
    public void Rule_WithAnObjectPattern_IsRebuiltAsJsonWithNumericMatchers()
    {
        var rule = ReadRule("""
            Resources:
              Topic: {Type: AWS::SNS::Topic}
              High:
                Type: AWS::Events::Rule
                Properties:
                  EventPattern:
                    source: [aws.guardduty]
                    detail:
                      severity: [{numeric: [">=", 7]}]
                  Targets:
                    - {Id: t, Arn: !Ref Topic}
            """);

        var pattern = JsonNode.Parse(rule.EventPattern.Get()!)!;
        pattern["source"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["aws.guardduty"]);
        var numeric = pattern["detail"]!["severity"]![0]!["numeric"]!.AsArray();
        numeric[0]!.GetValue<string>().ShouldBe(">=");
        numeric[1]!.GetValue<double>().ShouldBe(7);
        rule.Targets.ShouldHaveSingleItem().Get()!.Address.ShouldBe("Topic");
        rule.Enabled.Get().ShouldBeTrue();
    }

    [Fact]
    public void Rule_WithAStringPatternAndDisabledState_KeepsThePatternAndIsDisabled()
    {
        var rule = ReadRule("""
            Resources:
              Off:
                Type: AWS::Events::Rule
                Properties:
                  State: DISABLED
                  EventPattern: '{"source": ["aws.securityhub"]}'
            """);

        rule.EventPattern.Get().ShouldBe("""{"source": ["aws.securityhub"]}""");
        rule.Enabled.Get().ShouldBeFalse();
        rule.Targets.ShouldBeEmpty();
    }

    [Fact]
    public void Rule_OnASchedule_HasNoPattern()
    {
        var rule = ReadRule("""
            Resources:
              Nightly:
                Type: AWS::Events::Rule
                Properties: {ScheduleExpression: "rate(1 day)"}
            """);

        rule.EventPattern.IsKnown.ShouldBeTrue();
        rule.EventPattern.Get().ShouldBeNull();
    }
}
