using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Detection;
using PciZone.Monitoring.Tests.Support;

namespace PciZone.Monitoring.Tests.Detection;

public sealed class StatefulTests
{
    private static readonly string FailedLogins = TestKit.Rule(
        "selection:\n  eventName: ConsoleLogin\n  errorMessage: Failed authentication\ncondition: selection",
        id: "TEST-THR",
        extra: "  threshold: { count: 3, window: 5m, by: [userIdentity.userName] }");

    private static readonly string Silence = TestKit.Rule(
        "selection:\n  eventSource|exists: true\ncondition: selection",
        id: "TEST-SIL",
        extra: "  silence: { window: 60m, by: [recipientAccountId, awsRegion] }");

    private static string Fail(string user, string time) => TestKit.Record("ConsoleLogin",
        $$$"""{"eventSource": "signin.amazonaws.com", "errorMessage": "Failed authentication", "userIdentity": {"type": "IAMUser", "userName": "{{{user}}}", "arn": "arn:aws:iam::111122223333:user/{{{user}}}"}}""", time);

    private static string At(string time, string region = "eu-west-1") => TestKit.Record("DescribeInstances", $$"""{"awsRegion": "{{region}}"}""", time);

    [Fact]
    public void Threshold_CountReachedWithinWindow_AlertsOncePerBurst()
    {
        var detector = TestKit.Detector(FailedLogins);
        var (_, alerts) = TestKit.Run(detector, TestKit.File(
            Fail("bob", "2024-05-01T10:00:00Z"), Fail("bob", "2024-05-01T10:01:00Z"), Fail("alice", "2024-05-01T10:01:30Z"),
            Fail("bob", "2024-05-01T10:02:00Z"), Fail("bob", "2024-05-01T10:03:00Z"), Fail("bob", "2024-05-01T10:04:00Z")));
        var alert = alerts.ShouldHaveSingleItem();
        alert.Key.ShouldBe("TEST-THR|bob|2024-05-01T10:00:00.000Z");
        alert.EventTime.ShouldBe(DateTimeOffset.Parse("2024-05-01T10:02:00Z", System.Globalization.CultureInfo.InvariantCulture));
        alert.Principal.ShouldBe("arn:aws:iam::111122223333:user/bob");
        alert.Summary.ShouldStartWith("3 matches within 5m: ConsoleLogin by arn:aws:iam::111122223333:user/bob");
    }

    [Fact]
    public void Threshold_MatchesSpreadBeyondWindow_DoNotAlert()
    {
        var (_, alerts) = TestKit.Run(TestKit.Detector(FailedLogins), TestKit.File(
            Fail("bob", "2024-05-01T10:00:00Z"), Fail("bob", "2024-05-01T10:04:00Z"), Fail("bob", "2024-05-01T10:09:00Z"), Fail("bob", "2024-05-01T10:15:00Z")));
        alerts.ShouldBeEmpty();
    }

    [Fact]
    public void Threshold_SecondBurst_RaisesASecondAlertWithItsOwnKey()
    {
        var (_, alerts) = TestKit.Run(TestKit.Detector(FailedLogins), TestKit.File(
            Fail("bob", "2024-05-01T10:00:00Z"), Fail("bob", "2024-05-01T10:00:10Z"), Fail("bob", "2024-05-01T10:00:20Z"),
            Fail("bob", "2024-05-01T10:00:30Z"), Fail("bob", "2024-05-01T10:00:40Z"), Fail("bob", "2024-05-01T10:00:50Z")));
        alerts.Select(a => a.Key).ShouldBe(["TEST-THR|bob|2024-05-01T10:00:00.000Z", "TEST-THR|bob|2024-05-01T10:00:30.000Z"]);
    }

    [Fact]
    public void Threshold_AcrossObjects_KeepsCounting()
    {
        var detector = TestKit.Detector(FailedLogins);
        TestKit.Run(detector, TestKit.File(Fail("bob", "2024-05-01T10:00:00Z"), Fail("bob", "2024-05-01T10:01:00Z"))).Alerts.ShouldBeEmpty();
        TestKit.Run(detector, TestKit.File(Fail("bob", "2024-05-01T10:02:00Z"))).Alerts.Count.ShouldBe(1);
    }

    [Fact]
    public void Silence_GapLongerThanWindow_AlertsWithLastSeenInKey()
    {
        var (_, alerts) = TestKit.Run(TestKit.Detector(Silence), TestKit.File(
            At("2024-05-01T10:00:00Z"), At("2024-05-01T10:30:00Z"), At("2024-05-01T10:45:00Z", "us-east-1"), At("2024-05-01T12:00:00Z")));
        var alert = alerts.ShouldHaveSingleItem();
        alert.Key.ShouldBe("TEST-SIL|111122223333|eu-west-1|2024-05-01T10:30:00.000Z");
        alert.EventId.ShouldBeNull();
        alert.AccountId.ShouldBe("111122223333");
        alert.Region.ShouldBe("eu-west-1");
        alert.Summary.ShouldContain("longer than 1h");
    }

    [Fact]
    public void Silence_Advance_RaisesWhenClockPassesWindowOnce()
    {
        var detector = TestKit.Detector(Silence);
        TestKit.Run(detector, TestKit.File(At("2024-05-01T10:00:00Z"), At("2024-05-01T10:10:00Z", "us-east-1")));
        var alerts = new List<Alert>();
        detector.Advance(DateTimeOffset.Parse("2024-05-01T11:05:00Z", System.Globalization.CultureInfo.InvariantCulture), alerts);
        alerts.ShouldHaveSingleItem().Key.ShouldBe("TEST-SIL|111122223333|eu-west-1|2024-05-01T10:00:00.000Z");
        detector.Advance(DateTimeOffset.Parse("2024-05-01T11:30:00Z", System.Globalization.CultureInfo.InvariantCulture), alerts);
        alerts.Select(a => a.Key).ShouldBe(["TEST-SIL|111122223333|eu-west-1|2024-05-01T10:00:00.000Z", "TEST-SIL|111122223333|us-east-1|2024-05-01T10:10:00.000Z"]);

        // The late event that ends the gap does not raise the same silence a second time.
        TestKit.Run(detector, TestKit.File(At("2024-05-01T11:40:00Z"))).Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void Dedup_SameEventIdTwice_IsCountedAndNotEvaluated()
    {
        var detector = TestKit.Detector(TestKit.Rule("selection:\n  eventName: DescribeInstances\ncondition: selection"));
        var record = TestKit.Record();
        var (first, alerts1) = TestKit.Run(detector, TestKit.File(record, record));
        first.Records.ShouldBe(1);
        first.Duplicates.ShouldBe(1);
        alerts1.Count.ShouldBe(1);
        var (second, alerts2) = TestKit.Run(detector, TestKit.File(record));
        second.Duplicates.ShouldBe(1);
        alerts2.ShouldBeEmpty();
    }

    [Fact]
    public void SaveState_AfterManyEvents_KeepsOnlyTheNewestIdsAndStillDropsTheirDuplicates()
    {
        var detector = TestKit.Detector(TestKit.Rule("selection:\n  eventName: DescribeInstances\ncondition: selection"));
        var records = Enumerable.Range(0, 30_000).Select(_ => TestKit.Record()).ToArray();
        TestKit.Run(detector, TestKit.File(records)).Result.Records.ShouldBe(30_000);

        var state = detector.SaveState();

        // Bounded by the persisted ids, not by the million-id window: 16 bytes each plus a small header.
        state.Length.ShouldBeLessThan((DetectorState.PersistedDedupIds * 16) + 1024);
        var restored = TestKit.Detector(TestKit.Rule("selection:\n  eventName: DescribeInstances\ncondition: selection"));
        restored.LoadState(state);
        TestKit.Run(restored, TestKit.File(records[^1])).Result.Duplicates.ShouldBe(1);
        TestKit.Run(restored, TestKit.File(records[0])).Result.Duplicates.ShouldBe(0);
    }

    [Fact]
    public void Dedup_NonGuidIds_AreKeptByHash()
    {
        var window = new DedupWindow(3);
        window.Add("not-a-guid"u8).ShouldBeTrue();
        window.Add("not-a-guid"u8).ShouldBeFalse();
        window.Add("other"u8).ShouldBeTrue();
    }

    [Fact]
    public void Dedup_Bounded_ForgetsOldestFirst()
    {
        var window = new DedupWindow(2);
        window.Add("a"u8).ShouldBeTrue();
        window.Add("b"u8).ShouldBeTrue();
        window.Add("c"u8).ShouldBeTrue();
        window.Count.ShouldBe(2);
        window.Add("b"u8).ShouldBeFalse();
        window.Add("a"u8).ShouldBeTrue();
        window.InOrder().ShouldBe([DedupWindow.KeyOf("c"u8), DedupWindow.KeyOf("a"u8)]);
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalSubsequentAlerts()
    {
        var first = new[] { Fail("bob", "2024-05-01T10:00:00Z"), Fail("bob", "2024-05-01T10:01:00Z"), At("2024-05-01T10:00:00Z"), At("2024-05-01T10:05:00Z", "us-east-1") };
        var second = new[] { first[0], Fail("bob", "2024-05-01T10:02:00Z"), At("2024-05-01T12:00:00Z"), Fail("carol", "2024-05-01T12:00:00Z") };

        var original = TestKit.Detector(FailedLogins, Silence);
        TestKit.Run(original, TestKit.File(first));
        var saved = original.SaveState();

        var restored = TestKit.Detector(FailedLogins, Silence);
        restored.LoadState(saved);
        restored.SaveState().ShouldBe(saved);

        var expected = TestKit.Run(original, TestKit.File(second));
        var actual = TestKit.Run(restored, TestKit.File(second));
        Comparable(actual.Alerts).ShouldBe(Comparable(expected.Alerts));
        actual.Alerts.Select(a => a.RuleId).ShouldBe(["TEST-THR", "TEST-SIL"]);
        actual.Result.Duplicates.ShouldBe(1);

        var clock = DateTimeOffset.Parse("2024-05-01T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var advancedOriginal = new List<Alert>();
        var advancedRestored = new List<Alert>();
        original.Advance(clock, advancedOriginal);
        restored.Advance(clock, advancedRestored);
        Comparable(advancedRestored).ShouldBe(Comparable(advancedOriginal));
        advancedRestored.Count.ShouldBe(2);
    }

    // Alert is a record, but its Requirements list compares by reference.
    private static List<Alert> Comparable(IEnumerable<Alert> alerts) =>
        [.. alerts.Select(a => a with { Requirements = Array.Empty<string>() })];

    [Fact]
    public void LoadState_Garbage_Throws() =>
        Should.Throw<InvalidDataException>(() => TestKit.Detector(Silence).LoadState([1, 2, 3, 4, 5, 6, 7, 8]));

    [Fact]
    public void StatelessAlert_KeyIsRuleAndEventId()
    {
        var record = TestKit.Record("ConsoleLogin", """{"eventSource": "signin.amazonaws.com", "additionalEventData": {"MFAUsed": "No"}, "requestParameters": {"secret": "do-not-leak"}}""");
        var detector = TestKit.Detector(TestKit.Rule("selection:\n  eventName: ConsoleLogin\ncondition: selection"));
        var alert = TestKit.Run(detector, TestKit.File(record)).Alerts.ShouldHaveSingleItem();
        alert.Key.ShouldBe("TEST-001|" + alert.EventId);
        alert.Summary.ShouldBe("ConsoleLogin by arn:aws:iam::111122223333:user/Alice from 203.0.113.7 without MFA");
        alert.Requirements.ShouldBe(["10.2.1.2"]);
        alert.Severity.ShouldBe(Compliance.Severity.High);
        alert.EventSource.ShouldBe("signin.amazonaws.com");
        alert.SourceObject.ShouldStartWith("AWSLogs/");
    }

    [Fact]
    public void Alert_ServicePrincipalWithoutArn_UsesTypeAndService()
    {
        var record = TestKit.Record(extra: """{"userIdentity": {"type": "AWSService", "invokedBy": "cloudtrail.amazonaws.com"}, "errorCode": "AccessDenied"}""");
        var alert = TestKit.Run(TestKit.Detector(TestKit.Rule("selection:\n  eventName: DescribeInstances\ncondition: selection")), TestKit.File(record)).Alerts.ShouldHaveSingleItem();
        alert.Principal.ShouldBe("AWSService:cloudtrail.amazonaws.com");
        alert.Summary.ShouldContain("failed (AccessDenied)");
    }
}
