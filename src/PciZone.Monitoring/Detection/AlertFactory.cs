using System.Globalization;
using System.Text;
using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Records;

namespace PciZone.Monitoring.Detection;

/// <summary>
/// Builds alerts from the well-known fields of a record. The summary uses only identity, address and
/// outcome fields, never requestParameters or responseElements, which can carry object keys or data.
/// </summary>
internal static class AlertFactory
{
    public static Alert FromRecord(CompiledRule rule, RecordView r, string key, DateTimeOffset time, string objectKey, string? prefix)
    {
        var eventName = r.String(PathTable.EventName);
        var principal = Principal(r);
        var ip = r.String(PathTable.SourceIp);
        var text = new StringBuilder();
        if (prefix is not null)
        {
            text.Append(prefix).Append(": ");
        }

        text.Append(eventName).Append(" by ").Append(principal ?? "an unknown principal");
        if (ip is not null)
        {
            text.Append(" from ").Append(ip);
        }

        if (r.String(PathTable.ErrorCode) is { } error)
        {
            text.Append(" failed (").Append(error).Append(')');
        }

        if (string.Equals(r.String(PathTable.MfaUsed), "No", StringComparison.OrdinalIgnoreCase))
        {
            text.Append(" without MFA");
        }

        return Make(rule, key, time, r.String(PathTable.EventId), eventName, r.String(PathTable.EventSource),
            r.String(PathTable.AccountId), r.String(PathTable.Region), principal, ip, objectKey, text.ToString());
    }

    public static Alert Silence(CompiledRule rule, string groupKey, SilenceClock clock, DateTimeOffset lastSeen, TimeSpan window, string objectKey)
    {
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"No events for {(groupKey.Length == 0 ? "the monitored scope" : groupKey)} for longer than {Window(window)} after {CloudTrailTime.Format(lastSeen)}");
        return Make(rule, $"{rule.Id}|{groupKey}|{CloudTrailTime.Format(lastSeen)}", lastSeen, null, null, null,
            clock.Account, clock.Region, null, null, objectKey, summary);
    }

    /// <summary>The acting principal: its ARN, else type and service or principal id.</summary>
    public static string? Principal(RecordView r) =>
        r.String(PathTable.UserArn)
        ?? (r.String(PathTable.UserType) is { } type
            ? type + ":" + (r.String(PathTable.UserInvokedBy) ?? r.String(PathTable.UserPrincipalId) ?? "?")
            : null);

    /// <summary>The <c>by</c> values of a record, joined; empty for a rule without <c>by</c>.</summary>
    public static string GroupKey(CompiledRule rule, RecordView r)
    {
        if (rule.ByPaths.Length == 0)
        {
            return "";
        }

        var parts = new string[rule.ByPaths.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = r.String(rule.ByPaths[i]) ?? "";
        }

        return string.Join('|', parts);
    }

    private static Alert Make(CompiledRule rule, string key, DateTimeOffset time, string? eventId, string? eventName, string? eventSource,
        string? account, string? region, string? principal, string? ip, string objectKey, string summary) =>
        new(key, rule.Id, rule.Info.Title, rule.Info.Level, rule.Info.Requirements, time, eventId, eventName, eventSource,
            account, region, principal, ip, objectKey, OneLine(summary));

    public static string Window(TimeSpan w) =>
        w.TotalDays == Math.Floor(w.TotalDays) ? $"{w.TotalDays:0}d"
        : w.TotalHours == Math.Floor(w.TotalHours) ? $"{w.TotalHours:0}h"
        : w.TotalMinutes == Math.Floor(w.TotalMinutes) ? $"{w.TotalMinutes:0}m"
        : $"{w.TotalSeconds:0}s";

    private static string OneLine(string text)
    {
        var chars = text.Length > 300 ? text[..300].ToCharArray() : text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
