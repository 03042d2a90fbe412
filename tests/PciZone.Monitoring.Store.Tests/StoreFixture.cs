using PciZone.Compliance;
using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Store.Tests;

/// <summary>Fresh store files in a temp folder, and alert/result builders.</summary>
internal static class StoreFixture
{
    public static readonly DateTimeOffset T0 = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    public static readonly ObjectResult Clean = new(ObjectKind.CloudTrail, 3, 0, 0, []);

    /// <summary>A store on which any sink name is owed every stored alert: the tests read alerts through PendingAsync.</summary>
    public static SqliteMonitorState OpenReadingAll(string path) => SqliteMonitorState.Open(path, new SqliteMonitorStateOptions { NewSinksReceiveHistory = true });

    public static string NewPath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pcizone-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "monitor.db");
    }

    public static Alert Alert(string key, string rule = "PCZ-MON-001", string? principal = "arn:aws:iam::111122223333:user/Alice", int minutes = 0) => new(
        key, rule, "Root user activity", Severity.Critical, ["10.2.1.2"], T0.AddMinutes(minutes), key, "StopLogging",
        "cloudtrail.amazonaws.com", "111122223333", "us-east-1", principal, "192.0.2.10", "AWSLogs/a.json.gz", "Logging stopped");
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
