using PciZone.Estate;

namespace PciZone.Rules.Aws.Organizations;

internal sealed class OrgCdeScpProtectsSecurityServices : CdeGuardrailRule
{
    protected override string Guardrail => "denies stopping or deleting CloudTrail, Config, GuardDuty and Security Hub";

    protected override IReadOnlyList<string> Parts { get; } =
    [
        "cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder",
        "guardduty:DeleteDetector", "securityhub:DisableSecurityHub",
    ];

    protected override bool Covers(PolicyStatement statement, string part) =>
        IsBroadDeny(statement) && statement.MatchesAction(part);
}
