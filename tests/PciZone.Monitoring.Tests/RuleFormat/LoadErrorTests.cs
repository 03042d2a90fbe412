using PciZone.Monitoring.Tests.Support;

namespace PciZone.Monitoring.Tests.RuleFormat;

public sealed class LoadErrorTests
{
    private const string Head = "id: TEST-001\ntitle: T\nstatus: test\nlevel: high\ndescription: D\nlogsource:\n  product: aws\n  service: cloudtrail\n";
    private const string Tail = "pcizone:\n  requirements: [\"10.2.1.2\"]\n";

    // Line numbers below count from the start of Head (8 lines), so detection starts on line 9.
    private static string WithDetection(string detection) => Head + "detection:\n" + detection + Tail;

    public static TheoryData<string, int, int, string> Cases => new()
    {
        { WithDetection("  selection:\n    eventName|base64: x\n  condition: selection\n"), 11, 5, "unsupported modifier '|base64'" },
        { WithDetection("  selection:\n    eventName|contains|startswith: x\n  condition: selection\n"), 11, 5, "only one of" },
        { WithDetection("  selection:\n    eventName|contains|contains: x\n  condition: selection\n"), 11, 5, "given twice" },
        { WithDetection("  selection:\n    eventName|exists|all: true\n  condition: selection\n"), 11, 5, "|exists takes no other" },
        { WithDetection("  selection:\n    eventName|exists: maybe\n  condition: selection\n"), 11, 23, "|exists takes true or false" },
        { WithDetection("  keywords:\n    - ConsoleLogin\n  condition: keywords\n"), 11, 7, "keyword lists are not supported" },
        { WithDetection("  selection: ConsoleLogin\n  condition: selection\n"), 10, 14, "must be a field map" },
        { WithDetection("  selection:\n    eventName: x\n  condition: selection | count() > 5\n"), 12, 24, "aggregations" },
        { WithDetection("  selection:\n    eventName: x\n  condition: selection and other\n"), 12, 28, "unknown selection 'other'" },
        { WithDetection("  selection:\n    eventName: x\n  condition: selection near other\n"), 12, 24, "unexpected 'near'" },
        { WithDetection("  selection:\n    eventName: x\n  condition: 2 of selection*\n"), 12, 14, "'2 of' is not supported" },
        { WithDetection("  selection:\n    eventName: x\n  condition: 1 of nothing*\n"), 12, 19, "matches no selection" },
        { WithDetection("  selection:\n    eventName: x\n  condition: (selection\n"), 12, 24, "missing ')'" },
        { WithDetection("  selection:\n    eventName: x\n  condition: selection*\n"), 12, 14, "needs '1 of' or 'all of'" },
        { WithDetection("  selection:\n    eventName: x\n  condition:\n    - selection\n"), 13, 5, "a list of conditions" },
        { WithDetection("  selection:\n    eventName: x\n"), 10, 3, "needs a condition" },
        { WithDetection("  selection:\n    eventName: x\n  timeframe: 5m\n  condition: selection\n"), 12, 3, "'timeframe' is not supported" },
        { WithDetection("  selection:\n    eventName|re: '(unclosed'\n  condition: selection\n"), 11, 19, "invalid regular expression" },
        { WithDetection("  selection:\n    sourceIPAddress|cidr: 10.0.0.0/33\n  condition: selection\n"), 11, 27, "not a CIDR block" },
        { WithDetection("  selection:\n    sourceIPAddress|expand: '%nope%'\n  condition: selection\n"), 11, 29, "unknown placeholder '%nope%'" },
        { WithDetection("  selection:\n    sourceIPAddress|expand: '%empty%'\n  condition: selection\n"), 11, 29, "has no values" },
        { WithDetection("  selection:\n    sourceIPAddress|expand: plain\n  condition: selection\n"), 11, 29, "needs a %placeholder%" },
        { WithDetection("  selection:\n    eventName..x: y\n  condition: selection\n"), 11, 5, "not a field path" },
        { WithDetection("  selection:\n    eventName: {a: b}\n  condition: selection\n"), 11, 16, "single value or a non-empty list" },
        { WithDetection("  selection:\n    eventName: []\n  condition: selection\n"), 11, 16, "single value or a non-empty list" },
        { WithDetection("  selection:\n    eventName|all: [a, null]\n  condition: selection\n"), 11, 24, "null takes no modifiers" },
        { WithDetection("  selection: {}\n  condition: selection\n"), 10, 14, "empty field map" },
        { WithDetection("  and:\n    eventName: x\n  condition: and\n"), 10, 3, "not a valid selection name" },
        { Head.Replace("status: test", "status: beta", StringComparison.Ordinal) + "detection:\n  s:\n    eventName: x\n  condition: s\n" + Tail, 3, 9, "status 'beta'" },
        { Head.Replace("level: high", "level: severe", StringComparison.Ordinal) + "detection:\n  s:\n    eventName: x\n  condition: s\n" + Tail, 4, 8, "level 'severe'" },
        { Head.Replace("service: cloudtrail", "service: guardduty", StringComparison.Ordinal) + "detection:\n  s:\n    eventName: x\n  condition: s\n" + Tail, 8, 12, "unsupported logsource service" },
        { Head.Replace("  product: aws\n", "  product: aws\n  category: x\n", StringComparison.Ordinal) + "detection:\n  s:\n    eventName: x\n  condition: s\n" + Tail, 8, 3, "unsupported logsource key 'category'" },
        { Head + "author: me\ndetection:\n  s:\n    eventName: x\n  condition: s\n" + Tail, 9, 1, "unsupported key 'author'" },
        { Head + "detection:\n  s:\n    eventName: x\n  condition: s\npcizone:\n  requirements: [\"99.9\"]\n", 14, 17, "'99.9' is not in the PCI DSS" },
        { Head + "detection:\n  s:\n    eventName: x\n  condition: s\npcizone:\n  requirements: []\n", 14, 17, "at least one" },
        { Head + "detection:\n  s:\n    eventName: x\n  condition: s\npcizone:\n  severity: high\n  requirements: [\"10.2.1.2\"]\n", 14, 3, "unsupported pcizone key 'severity'" },
        { Head + "detection:\n  s:\n    eventName: x\n  condition: s\n" + Tail + "  threshold: { count: 0, window: 5m }\n", 15, 23, "at least 1" },
        { Head + "detection:\n  s:\n    eventName: x\n  condition: s\n" + Tail + "  threshold: { count: 5, window: 5 minutes }\n", 15, 34, "duration" },
        { Head + "detection:\n  s:\n    eventName: x\n  condition: s\n" + Tail + "  threshold: { count: 5 }\n", 15, 14, "needs count and window" },
        { Head + "detection:\n  s:\n    eventName: x\n  condition: s\n" + Tail + "  silence: { window: 1h, by: ['a..b'] }\n", 15, 30, "not a field path" },
        { Head + "detection:\n  s:\n    eventName: x\n  condition: s\n" + Tail + "  silence: { window: 1h }\n  threshold: { count: 2, window: 1h }\n", 14, 3, "either a threshold or a silence" },
        { Head + "detection:\n  s:\n    eventName: x\n  condition: s\n", 1, 1, "missing 'pcizone'" },
        { Head.Replace("id: TEST-001", "id: 'bad id'", StringComparison.Ordinal) + "detection:\n  s:\n    eventName: x\n  condition: s\n" + Tail, 1, 5, "id 'bad id'" },
        { "id: [unclosed\n", 2, 1, "invalid YAML" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_UnsupportedConstruct_IsAnErrorAtLineAndColumn(string yaml, int line, int column, string message)
    {
        var (rule, errors) = TestKit.Parse(yaml);
        rule.ShouldBeNull();
        var error = errors.ShouldHaveSingleItem();
        error.Message.ShouldContain(message);
        error.File.ShouldBe("test.yaml");
        (error.Line, error.Column).ShouldBe((line, column), error.ToString());
    }

    [Fact]
    public void Parse_ValidRule_HasNoErrors()
    {
        var (rule, errors) = TestKit.Parse(WithDetection("  selection:\n    eventName: x\n  condition: selection\n"));
        errors.ShouldBeEmpty();
        rule.ShouldNotBeNull().Info.Id.ShouldBe("TEST-001");
    }

    [Fact]
    public void Parse_Levels_MapToSeverities()
    {
        foreach (var (level, severity) in new[]
                 {
                     ("informational", Compliance.Severity.Info), ("low", Compliance.Severity.Low), ("medium", Compliance.Severity.Medium),
                     ("high", Compliance.Severity.High), ("critical", Compliance.Severity.Critical),
                 })
        {
            var (rule, _) = TestKit.Parse(WithDetection("  s:\n    eventName: x\n  condition: s\n").Replace("level: high", "level: " + level, StringComparison.Ordinal));
            rule.ShouldNotBeNull().Info.Level.ShouldBe(severity);
        }
    }

    [Fact]
    public void Parse_Requirements_AreInCatalogueOrder()
    {
        var yaml = WithDetection("  s:\n    eventName: x\n  condition: s\n").Replace("[\"10.2.1.2\"]", "[\"10.2.1.2\", \"8.3.4\", \"10.2.1.2\"]", StringComparison.Ordinal);
        TestKit.Parse(yaml).Rule.ShouldNotBeNull().Info.Requirements.ShouldBe(["8.3.4", "10.2.1.2"]);
    }
}
