using System.Text;
using System.Text.Json;
using PciZone.Compliance;
using PciZone.Monitoring.Alerts;

namespace PciZone.Monitoring.Tests.Pipeline;

public sealed class JsonLinesSinkTests
{
    private static readonly Alert Sample = new(
        "PCZ-MON-001:EXAMPLE-1", "PCZ-MON-001", "Root user activity", Severity.Critical, ["10.2.1.2", "10.2.2"],
        new DateTimeOffset(2024, 5, 1, 12, 30, 5, TimeSpan.FromHours(2)), "EXAMPLE-1", "ConsoleLogin", "signin.amazonaws.com",
        "111122223333", "eu-west-1", "arn:aws:iam::111122223333:root", "203.0.113.7", "AWSLogs/a.json.gz", "Root signed in");

    [Fact]
    public async Task PublishAsync_TwoAlerts_WritesOneCamelCaseObjectPerLine()
    {
        var writer = new StringWriter();
        var sink = new JsonLinesSink(writer);

        await sink.PublishAsync([Sample, Sample with { Key = "k2", EventId = null, Principal = null }], TestContext.Current.CancellationToken);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        using var first = JsonDocument.Parse(lines[0]);
        var names = first.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        names.ShouldBe(["key", "ruleId", "title", "severity", "requirements", "eventTime", "eventId", "eventName",
            "eventSource", "accountId", "region", "principal", "sourceIp", "sourceObject", "summary"]);
        first.RootElement.GetProperty("severity").GetString().ShouldBe("critical");
        first.RootElement.GetProperty("requirements").EnumerateArray().Select(e => e.GetString()).ShouldBe(["10.2.1.2", "10.2.2"]);
        first.RootElement.GetProperty("eventTime").GetString().ShouldBe("2024-05-01T10:30:05.000Z");
        using var second = JsonDocument.Parse(lines[1]);
        second.RootElement.GetProperty("eventId").ValueKind.ShouldBe(JsonValueKind.Null);
        second.RootElement.GetProperty("principal").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task PublishAsync_ToStream_WritesUtf8LinesWithoutBom()
    {
        using var stream = new MemoryStream();
        var sink = new JsonLinesSink(stream);

        await sink.PublishAsync([Sample with { Summary = "Zürich café" }], TestContext.Current.CancellationToken);

        var bytes = stream.ToArray();
        bytes[0].ShouldBe((byte)'{');
        bytes[^1].ShouldBe((byte)'\n');
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(bytes));
        doc.RootElement.GetProperty("summary").GetString().ShouldBe("Zürich café");
        doc.RootElement.GetProperty("key").GetString().ShouldBe("PCZ-MON-001:EXAMPLE-1");
    }

    [Theory]
    [InlineData(Severity.Info, "informational")]
    [InlineData(Severity.Low, "low")]
    [InlineData(Severity.Medium, "medium")]
    [InlineData(Severity.High, "high")]
    public void SeverityText_EachLevel_UsesTheRuleFileSpelling(Severity severity, string expected) =>
        JsonLinesSink.SeverityText(severity).ShouldBe(expected);
}
