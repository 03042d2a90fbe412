using System.Text.Json;
using PciZone.Rules.Aws.CloudWatch;

namespace PciZone.Rules.Tests.Aws.CloudWatch;

public sealed class FilterPatternTests
{
    private static readonly JsonElement StopLogging = Event(
        """{"eventSource": "cloudtrail.amazonaws.com", "eventName": "StopLogging", "errorCode": "Client.UnauthorizedOperation", "userIdentity": {"type": "Root"}, "count": 3, "readOnly": false, "resources": [{"ARN": "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org"}]}""");

    [Theory]
    [InlineData("", true)]
    [InlineData("{ $.eventName = StopLogging }", true)]
    [InlineData("{ $.eventName = \"StopLogging\" }", true)]
    [InlineData("{ $.eventName = stoplogging }", false)]
    [InlineData("{ ($.eventSource = cloudtrail.amazonaws.com) && (($.eventName = CreateTrail) || ($.eventName = StopLogging)) }", true)]
    [InlineData("{ ($.eventSource = cloudtrail.amazonaws.com) && ($.eventName = CreateTrail) }", false)]
    [InlineData("{ $.errorCode = \"*UnauthorizedOperation\" }", true)]
    [InlineData("{ $.errorCode = \"AccessDenied*\" }", false)]
    [InlineData("{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS }", true)]
    [InlineData("{ $.userIdentity.type = \"Root\" && $.userIdentity NOT EXISTS }", false)]
    [InlineData("{ $.eventType != \"AwsServiceEvent\" }", true)]
    [InlineData("{ $.eventName != \"StopLogging\" }", false)]
    [InlineData("{ $.count > 2 && $.count <= 3 }", true)]
    [InlineData("{ $.readOnly IS FALSE }", true)]
    [InlineData("{ $.resources[0].ARN = \"arn:aws:cloudtrail:*\" }", true)]
    [InlineData("StopLogging", true)]
    [InlineData("\"StopLogging\" -Root", false)]
    [InlineData("?CreateTrail ?StopLogging", true)]
    [InlineData("CreateTrail", false)]
    public void Matches_SampleEvent_FollowsCloudWatchLogsSemantics(string pattern, bool expected) =>
        FilterPattern.Matches(pattern, StopLogging).ShouldBe(expected);

    [Theory]
    [InlineData("{ $.eventName = StopLogging")]
    [InlineData("{ ($.eventName = StopLogging }")]
    [InlineData("{ eventName = StopLogging }")]
    [InlineData("[version, account, eni]")]
    public void Matches_UnreadablePattern_IsUndecided(string pattern) =>
        FilterPattern.Matches(pattern, StopLogging).ShouldBeNull();

    private static JsonElement Event(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
