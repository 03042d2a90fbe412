using PciZone.Monitoring.Detection;
using PciZone.Monitoring.Tests.Support;

namespace PciZone.Monitoring.Tests.Detection;

public sealed class PrefilterTests
{
    private static HashSet<string>? Names(string detection) =>
        RuleCompiler.RequiredValues(TestKit.Parse(TestKit.Rule(detection)).Rule.ShouldNotBeNull(), "eventName");

    [Fact]
    public void RequiredValues_PlainSelection_PinsTheNames() =>
        Names("s:\n  eventName: [StopLogging, DeleteTrail]\ncondition: s").ShouldBe(["stoplogging", "deletetrail"], ignoreOrder: true);

    [Fact]
    public void RequiredValues_AndWithUnpinned_KeepsThePin() =>
        Names("s:\n  eventName: StopLogging\nf:\n  userAgent: x\ncondition: s and not f").ShouldBe(["stoplogging"]);

    [Fact]
    public void RequiredValues_OrWithUnpinned_IsUnpinned() =>
        Names("s:\n  eventName: StopLogging\nf:\n  userAgent: x\ncondition: s or f").ShouldBeNull();

    [Fact]
    public void RequiredValues_NegatedOrWildcard_IsUnpinned()
    {
        Names("s:\n  eventName: StopLogging\ncondition: not s").ShouldBeNull();
        Names("s:\n  eventName: Stop*\ncondition: s").ShouldBeNull();
        Names("s:\n  eventName|contains: Stop\ncondition: s").ShouldBeNull();
    }

    [Fact]
    public void RequiredValues_ListOfMaps_UnionsWhenEveryMapPins()
    {
        Names("s:\n  - eventName: A\n  - eventName: B\ncondition: s").ShouldBe(["a", "b"], ignoreOrder: true);
        Names("s:\n  - eventName: A\n  - userAgent: B\ncondition: s").ShouldBeNull();
    }

    [Fact]
    public void Detector_PinnedRule_StillMatchesCaseInsensitively()
    {
        var detector = TestKit.Detector(TestKit.Rule("s:\n  eventName: stoplogging\ncondition: s"));
        TestKit.Run(detector, TestKit.File(TestKit.Record("StopLogging"))).Alerts.Count.ShouldBe(1);
        TestKit.Run(detector, TestKit.File(TestKit.Record("StartLogging"))).Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void Detector_SourcePinnedAndUnpinnedRules_AllRun()
    {
        var bySource = TestKit.Rule("s:\n  eventSource: ec2.amazonaws.com\ncondition: s", id: "SRC");
        var always = TestKit.Rule("s:\n  awsRegion: eu-west-1\ncondition: s", id: "ALL");
        var byName = TestKit.Rule("s:\n  eventName: DescribeInstances\ncondition: s", id: "NAME");
        var alerts = TestKit.Run(TestKit.Detector(bySource, always, byName), TestKit.File(TestKit.Record())).Alerts;
        alerts.Select(a => a.RuleId).ShouldBe(["NAME", "SRC", "ALL"]);
    }
}
