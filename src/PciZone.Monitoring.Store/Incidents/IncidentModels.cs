using PciZone.Compliance;
using PciZone.Monitoring.Alerts;

namespace PciZone.Monitoring.Store.Incidents;

/// <summary>The life of an incident: open, then acknowledged (optional), then resolved (final).</summary>
public enum IncidentState
{
    /// <summary>Raised and not yet looked at.</summary>
    Open,

    /// <summary>Someone owns it.</summary>
    Acknowledged,

    /// <summary>Closed; later alerts of the same group open a new incident.</summary>
    Resolved,
}

/// <summary>One incident: one or more alerts of the same rule and principal close together in time.</summary>
/// <param name="Id">Stable number, used by <c>incidents show|ack|resolve</c>.</param>
/// <param name="RuleId">The rule whose alerts it groups.</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Severity">The rule's level.</param>
/// <param name="State">Current state.</param>
/// <param name="Principal">The principal of its alerts, when they have one.</param>
/// <param name="AccountId">Account of the first alert.</param>
/// <param name="Region">Region of the first alert.</param>
/// <param name="OpenedAt">When the monitor opened it (monitor clock).</param>
/// <param name="UpdatedAt">Last alert added or state change (monitor clock).</param>
/// <param name="FirstEventTime">Earliest event time among its alerts.</param>
/// <param name="LastEventTime">Latest event time among its alerts.</param>
/// <param name="AlertCount">Number of alerts.</param>
public sealed record Incident(
    long Id,
    string RuleId,
    string Title,
    Severity Severity,
    IncidentState State,
    string? Principal,
    string? AccountId,
    string? Region,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset FirstEventTime,
    DateTimeOffset LastEventTime,
    int AlertCount);

/// <summary>One state change of an incident, including its opening (<see cref="From"/> null).</summary>
/// <param name="At">When (monitor clock).</param>
/// <param name="Actor">Who: a person's name or login, or the monitor itself.</param>
/// <param name="From">The state before, null for the opening.</param>
/// <param name="To">The state after.</param>
/// <param name="Note">Optional free text given with the change.</param>
public sealed record IncidentHistoryEntry(DateTimeOffset At, string Actor, IncidentState? From, IncidentState To, string? Note);

/// <summary>An incident with its alerts (oldest first) and its history (oldest first).</summary>
/// <param name="Incident">The incident.</param>
/// <param name="Alerts">Its alerts.</param>
/// <param name="History">Its state changes.</param>
public sealed record IncidentDetail(Incident Incident, IReadOnlyList<Alert> Alerts, IReadOnlyList<IncidentHistoryEntry> History);

/// <summary>Filter for listing incidents; every part optional. Results are newest first.</summary>
/// <param name="State">Only incidents in this state.</param>
/// <param name="RuleId">Only incidents of this rule.</param>
/// <param name="Since">Only incidents with activity (opened, an alert added, a state change) at or after.</param>
/// <param name="Limit">At most this many.</param>
public sealed record IncidentQuery(IncidentState? State = null, string? RuleId = null, DateTimeOffset? Since = null, int? Limit = null);

/// <summary>How many incidents are in each state.</summary>
/// <param name="Open">Open incidents.</param>
/// <param name="Acknowledged">Acknowledged incidents.</param>
/// <param name="Resolved">Resolved incidents.</param>
public sealed record IncidentCounts(int Open, int Acknowledged, int Resolved);

/// <summary>A state change the incident's life does not allow (acknowledging a resolved incident, say).</summary>
public sealed class IncidentTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception for incident <paramref name="id"/>.</summary>
    public IncidentTransitionException(long id, IncidentState from, IncidentState to)
        : base($"Incident {id} is {IncidentStates.ToText(from)} and cannot be {(to == IncidentState.Resolved ? "resolved" : "acknowledged")}: " +
               "incidents go open -> acknowledged -> resolved, and resolved is final.")
    {
        IncidentId = id;
        From = from;
        To = to;
    }

    /// <summary>The incident.</summary>
    public long IncidentId { get; }

    /// <summary>Its state.</summary>
    public IncidentState From { get; }

    /// <summary>The refused target state.</summary>
    public IncidentState To { get; }
}

/// <summary>Text form of states as stored and printed.</summary>
public static class IncidentStates
{
    /// <summary><c>open</c>, <c>acknowledged</c> or <c>resolved</c>.</summary>
    public static string ToText(IncidentState state) => state switch
    {
        IncidentState.Open => "open",
        IncidentState.Acknowledged => "acknowledged",
        IncidentState.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    internal static IncidentState Parse(string text) => text switch
    {
        "open" => IncidentState.Open,
        "acknowledged" => IncidentState.Acknowledged,
        "resolved" => IncidentState.Resolved,
        _ => throw new InvalidDataException($"Unknown incident state '{text}' in the store."),
    };

    /// <summary>The allowed moves: open -> acknowledged, open -> resolved, acknowledged -> resolved.</summary>
    internal static bool CanMove(IncidentState from, IncidentState to) =>
        (from, to) is (IncidentState.Open, IncidentState.Acknowledged)
            or (IncidentState.Open, IncidentState.Resolved)
            or (IncidentState.Acknowledged, IncidentState.Resolved);
}
