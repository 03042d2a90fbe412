using PciZone.Compliance;

namespace PciZone.Monitoring.Alerts;

/// <summary>
/// One detection. <see cref="Key"/> is deterministic (rule id plus the event id, or plus the group key and
/// window start for a stateful rule) so that processing the same records twice yields the same key: the
/// store keeps one alert per key, which is how a restart repeats no alert.
/// </summary>
/// <param name="Key">Unique, deterministic identity of the alert.</param>
/// <param name="RuleId">Monitor rule id (<c>PCZ-MON-001</c>).</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Severity">The rule's level.</param>
/// <param name="Requirements">PCI DSS requirement ids the rule serves, in catalogue order.</param>
/// <param name="EventTime">The triggering event's time (for a stateful rule, the last event's).</param>
/// <param name="EventId">CloudTrail <c>eventID</c> of the (last) triggering event; null for silence.</param>
/// <param name="EventName">CloudTrail <c>eventName</c>, when one event triggered it.</param>
/// <param name="EventSource">CloudTrail <c>eventSource</c>.</param>
/// <param name="AccountId"><c>recipientAccountId</c> (or the silent account).</param>
/// <param name="Region"><c>awsRegion</c>.</param>
/// <param name="Principal">The acting principal's ARN (or a description when there is no ARN).</param>
/// <param name="SourceIp"><c>sourceIPAddress</c>.</param>
/// <param name="SourceObject">The log file or S3 object the event came from.</param>
/// <param name="Summary">One line for people; never card data or key material.</param>
public sealed record Alert(
    string Key,
    string RuleId,
    string Title,
    Severity Severity,
    IReadOnlyList<string> Requirements,
    DateTimeOffset EventTime,
    string? EventId,
    string? EventName,
    string? EventSource,
    string? AccountId,
    string? Region,
    string? Principal,
    string? SourceIp,
    string SourceObject,
    string Summary);
