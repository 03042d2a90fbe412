using PciZone.Compliance;

namespace PciZone.Monitoring.Rules;

/// <summary>What <c>pcizone monitor rules list</c> shows about one loaded rule.</summary>
/// <param name="Id">Rule id (<c>PCZ-MON-001</c>).</param>
/// <param name="Title">Title.</param>
/// <param name="Level">Severity mapped from the Sigma level (informational is <see cref="Severity.Info"/>).</param>
/// <param name="Status"><c>stable</c>, <c>test</c> or <c>experimental</c>.</param>
/// <param name="Description">What the rule detects and why it matters for PCI.</param>
/// <param name="Requirements">PCI DSS v4.0.1 requirement ids, in catalogue order.</param>
/// <param name="FalsePositives">Known benign causes.</param>
/// <param name="References">Links.</param>
/// <param name="Tags">Sigma tags.</param>
/// <param name="Source">The rule file path, or <c>monitor-rules/&lt;area&gt;/&lt;slug&gt;/rule.yaml</c> for a built-in rule.</param>
/// <param name="Kind"><c>event</c>, <c>threshold</c> or <c>silence</c>.</param>
public sealed record MonitorRuleInfo(
    string Id,
    string Title,
    Severity Level,
    string Status,
    string Description,
    IReadOnlyList<string> Requirements,
    IReadOnlyList<string> FalsePositives,
    IReadOnlyList<string> References,
    IReadOnlyList<string> Tags,
    string Source,
    string Kind);
