using PciZone.Monitoring.Tests.Support;

namespace PciZone.Monitoring.Tests.Detection;

public sealed class MatcherTests
{
    private static bool M(string selection, string extra = "{}", string eventName = "DescribeInstances") =>
        TestKit.Matches(selection, TestKit.Record(eventName, extra));

    [Theory]
    [InlineData("eventName: DescribeInstances", true)]
    [InlineData("eventName: describeinstances", true)]
    [InlineData("eventName: DESCRIBEINSTANCES", true)]
    [InlineData("eventName: DescribeInstance", false)]
    [InlineData("eventName: DescribeInstancesX", false)]
    [InlineData("eventName: [RunInstances, DescribeInstances]", true)]
    [InlineData("eventName: [RunInstances, StopInstances]", false)]
    public void Equality_IsCaseInsensitiveAndListIsOr(string selection, bool expected) => M(selection).ShouldBe(expected);

    [Theory]
    [InlineData("eventName: Describe*", true)]
    [InlineData("eventName: '*Instances'", true)]
    [InlineData("eventName: '*cribeIns*'", true)]
    [InlineData("eventName: Describe?nstances", true)]
    [InlineData("eventName: Describe??nstances", false)]
    [InlineData("eventName: D*e*I*s", true)]
    [InlineData("eventName: D*x*s", false)]
    [InlineData("eventName: '*'", true)]
    [InlineData("eventName: 'describe*INSTANCES'", true)]
    public void Wildcards_StarAndQuestionMark(string selection, bool expected) => M(selection).ShouldBe(expected);

    [Theory]
    [InlineData(@"a*b", @"userAgent: 'a\*b'", true)]
    [InlineData(@"axxb", @"userAgent: 'a\*b'", false)]
    [InlineData(@"a?b", @"userAgent: 'a\?b'", true)]
    [InlineData(@"axb", @"userAgent: 'a\?b'", false)]
    [InlineData(@"a\b", @"userAgent: 'a\\b'", true)]
    [InlineData(@"a\b", @"userAgent: 'a\b'", true)]
    [InlineData(@"C:\tmp\x", @"userAgent|startswith: 'C:\tmp'", true)]
    public void Escapes_MakeWildcardsLiteral(string value, string selection, bool expected) =>
        M(selection, $$"""{"userAgent": {{System.Text.Json.JsonSerializer.Serialize(value)}}}""").ShouldBe(expected);

    [Theory]
    [InlineData("userAgent|contains: CLI/2", true)]
    [InlineData("userAgent|contains: cli/3", false)]
    [InlineData("userAgent|startswith: AWS-cli", true)]
    [InlineData("userAgent|startswith: cli", false)]
    [InlineData("userAgent|endswith: 2.15.0", true)]
    [InlineData("userAgent|endswith: 2.15", false)]
    [InlineData("userAgent|contains|all: [aws, '2.15']", true)]
    [InlineData("userAgent|contains|all: [aws, '3.0']", false)]
    [InlineData("userAgent|contains: ['3.0', 'cli']", true)]
    [InlineData("userAgent|contains: 'a*c'", true)]
    public void StringModifiers(string selection, bool expected) => M(selection).ShouldBe(expected);

    [Theory]
    [InlineData("userAgent|re: '^aws-cli/[0-9]+'", true)]
    [InlineData("userAgent|re: '^AWS-CLI'", false)]
    [InlineData("userAgent|re: '(?i)^AWS-CLI'", true)]
    [InlineData("userAgent|re|all: ['^aws', '0$']", true)]
    [InlineData("userAgent|re|all: ['^aws', '1$']", false)]
    public void Regex_IsCaseSensitiveUnlessInlineFlag(string selection, bool expected) => M(selection).ShouldBe(expected);

    [Theory]
    [InlineData("203.0.113.7", "sourceIPAddress|cidr: 203.0.113.0/24", true)]
    [InlineData("203.0.114.7", "sourceIPAddress|cidr: 203.0.113.0/24", false)]
    [InlineData("2001:db8::1", "sourceIPAddress|cidr: 2001:db8::/32", true)]
    [InlineData("2001:db9::1", "sourceIPAddress|cidr: 2001:db8::/32", false)]
    [InlineData("ec2.amazonaws.com", "sourceIPAddress|cidr: 0.0.0.0/0", false)]
    [InlineData("AWS Internal", "sourceIPAddress|cidr: 0.0.0.0/0", false)]
    [InlineData("198.51.100.9", "sourceIPAddress|expand|cidr: '%trusted_nets%'", true)]
    [InlineData("2001:db8:1::9", "sourceIPAddress|expand|cidr: '%trusted_nets%'", true)]
    [InlineData("192.0.2.9", "sourceIPAddress|expand|cidr: '%trusted_nets%'", false)]
    public void Cidr_IPv4AndIPv6(string ip, string selection, bool expected) =>
        M(selection, $$"""{"sourceIPAddress": "{{ip}}"}""").ShouldBe(expected);

    [Theory]
    [InlineData("cde-data-111122223333", true)]
    [InlineData("CDE-EXPORTS-111122223333", true)]
    [InlineData("other-bucket", false)]
    public void Expand_UsesPlaceholderValues(string bucket, bool expected) =>
        M("requestParameters.bucketName|expand: '%cde_buckets%'", $$$"""{"requestParameters": {"bucketName": "{{{bucket}}}"}}""").ShouldBe(expected);

    [Fact]
    public void Expand_InsideText_ReplacesEachValue() =>
        M("requestParameters.key|expand: 'logs/%cde_buckets%/*'", """{"requestParameters": {"key": "logs/cde-exports-111122223333/x"}}""").ShouldBeTrue();

    [Theory]
    [InlineData("""{"errorCode": null}""", true)]
    [InlineData("""{}""", true)]
    [InlineData("""{"errorCode": "AccessDenied"}""", false)]
    public void Null_MatchesAbsentOrJsonNull(string extra, bool expected) => M("errorCode: null", extra).ShouldBe(expected);

    [Theory]
    [InlineData("""{"errorCode": "AccessDenied"}""", "errorCode|exists: true", true)]
    [InlineData("""{"errorCode": null}""", "errorCode|exists: true", true)]
    [InlineData("""{}""", "errorCode|exists: true", false)]
    [InlineData("""{}""", "errorCode|exists: false", true)]
    [InlineData("""{"errorCode": "x"}""", "errorCode|exists: false", false)]
    [InlineData("""{"requestParameters": {"a": {"b": 1}}}""", "requestParameters.a|exists: true", true)]
    public void Exists_TestsPresence(string extra, string selection, bool expected) => M(selection, extra).ShouldBe(expected);

    [Theory]
    [InlineData("""{"requestParameters": {"port": 80, "on": true}}""", "requestParameters.port: 80", true)]
    [InlineData("""{"requestParameters": {"port": 80, "on": true}}""", "requestParameters.port: '80'", true)]
    [InlineData("""{"requestParameters": {"port": 8080, "on": true}}""", "requestParameters.port: 80", false)]
    [InlineData("""{"requestParameters": {"port": 80, "on": true}}""", "requestParameters.on: true", true)]
    [InlineData("""{"requestParameters": {"port": 80, "on": false}}""", "requestParameters.on: true", false)]
    [InlineData("""{"requestParameters": {"port": 80, "on": "true"}}""", "requestParameters.on: true", true)]
    public void NumbersAndBooleans_CompareByJsonText(string extra, string selection, bool expected) => M(selection, extra).ShouldBe(expected);

    private const string Permissions = """
        {"requestParameters": {"groupId": "sg-0123456789abcdef0", "ipPermissions": {"items": [
          {"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "ipRanges": {"items": [{"cidrIp": "10.0.0.0/8"}]}},
          {"ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "ipRanges": {"items": [{"cidrIp": "192.0.2.0/24"}, {"cidrIp": "0.0.0.0/0"}]}}
        ]}}}
        """;

    [Theory]
    [InlineData("requestParameters.ipPermissions.items[].ipRanges.items[].cidrIp: 0.0.0.0/0", true)]
    [InlineData("requestParameters.ipPermissions.items[].ipRanges.items[].cidrIp: 172.16.0.0/12", false)]
    [InlineData("requestParameters.ipPermissions.items[].fromPort: 443", true)]
    [InlineData("requestParameters.ipPermissions.items[].fromPort|all: [22, 443]", true)]
    [InlineData("requestParameters.ipPermissions.items[].fromPort|all: [22, 3389]", false)]
    [InlineData("requestParameters.ipPermissions.items.ipRanges: x", false)]
    [InlineData("requestParameters.ipPermissions.items|exists: true", true)]
    [InlineData("requestParameters.groupId|startswith: sg-", true)]
    public void ListPaths_AnyElementMatches(string selection, bool expected) => M(selection, Permissions, "AuthorizeSecurityGroupIngress").ShouldBe(expected);

    [Theory]
    [InlineData("userIdentity.type: IAMUser", true)]
    [InlineData("userIdentity.arn|endswith: ':user/Alice'", true)]
    [InlineData("userIdentity.sessionContext.sessionIssuer.userName: Alice", false)]
    public void NestedFields(string selection, bool expected) => M(selection).ShouldBe(expected);

    [Theory]
    [InlineData("""{"userAgent": "caf\u00e9 \"quoted\" \\ tab\t"}""", @"userAgent: ""café \""quoted\"" \\\\ tab\t""", true)]
    [InlineData("""{"userAgent": "caf\u00e9"}""", "userAgent: CAFÉ", false)]
    [InlineData("""{"userAgent": "x\ud83d\ude00y"}""", "userAgent: 'x?y'", true)]
    [InlineData("""{"userAgent": "a\/b"}""", "userAgent: a/b", true)]
    public void EscapedJsonStrings_AreUnescapedBeforeMatching(string extra, string selection, bool expected) =>
        M(selection, extra).ShouldBe(expected);

    [Fact]
    public void ListOfMaps_IsOrOfAnds()
    {
        const string selection = "- eventName: RunInstances\n  awsRegion: eu-west-1\n- eventName: DescribeInstances\n  awsRegion: us-east-1";
        TestKit.Matches(selection, TestKit.Record("RunInstances")).ShouldBeTrue();
        TestKit.Matches(selection, TestKit.Record("DescribeInstances")).ShouldBeFalse();
    }

    [Fact]
    public void Map_IsAndOfFields() =>
        M("eventName: DescribeInstances\nawsRegion: us-east-1").ShouldBeFalse();
}
