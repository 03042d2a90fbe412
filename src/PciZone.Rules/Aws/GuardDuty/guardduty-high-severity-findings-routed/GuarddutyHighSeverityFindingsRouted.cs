using System.Globalization;
using System.Text.Json;
using PciZone.Estate;
using PciZone.Rules.Aws.CloudWatch;

namespace PciZone.Rules.Aws.GuardDuty;

internal sealed class GuarddutyHighSeverityFindingsRouted : ResourceRule<GuardDutyDetector>
{
    // GuardDuty severities: high is 7.0-8.9, critical 9.0-10.0. A rule must receive every one of them.
    private static readonly JsonElement[] GuardDutyFindings = [.. new[] { 7.0, 8.9, 9.5 }.Select(GuardDutyFinding)];

    // The same findings as Security Hub imports them (ASFF), when the rule listens there instead.
    private static readonly JsonElement[] SecurityHubFindings = [.. new[] { "HIGH", "CRITICAL" }.Select(SecurityHubFinding)];

    public override IReadOnlyList<Type> EstateTypes => [typeof(GuardDutyDetector), typeof(EventRule), typeof(SecurityHubAccount)];

    protected override Outcome Check(GuardDutyDetector detector, RuleContext context)
    {
        var rules = context.Estate.OfType<EventRule>();
        var direct = EventPattern.Routed(rules, GuardDutyFindings, out var route);
        if (direct.IsKnown && direct.Get())
        {
            return Outcome.Pass($"EventBridge rule {route} receives every high and critical GuardDuty finding.");
        }

        var viaHub = context.Estate.OfType<SecurityHubAccount>().Count > 0
            ? EventPattern.Routed(rules, SecurityHubFindings, out route)
            : Value.Of(false, Provenance.None);
        if (viaHub.IsKnown && viaHub.Get())
        {
            return Outcome.Pass($"EventBridge rule {route} receives every high and critical finding Security Hub imports, GuardDuty's included.");
        }

        var unknown = direct.IsUnknown ? direct : viaHub.IsUnknown ? viaHub : (Value<bool>?)null;
        return unknown is { } u
            ? Outcome.Unknown($"No EventBridge rule is known to route high-severity GuardDuty findings; cannot tell: {u.UnknownReason}.", u.Source)
            : Outcome.Fail("No enabled EventBridge rule with a target receives high and critical GuardDuty findings (source aws.guardduty, or Security Hub imported findings), so they reach no responder unless someone looks at the console.");
    }

    private static JsonElement GuardDutyFinding(double severity) => Parse($$$"""
        {"version": "0", "id": "00000000-0000-0000-0000-000000000000", "detail-type": "GuardDuty Finding", "source": "aws.guardduty",
         "account": "111122223333", "region": "eu-west-1", "resources": [],
         "detail": {"schemaVersion": "2.0", "accountId": "111122223333", "region": "eu-west-1", "type": "UnauthorizedAccess:EC2/SSHBruteForce",
                    "severity": {{{severity.ToString("0.0", CultureInfo.InvariantCulture)}}}, "title": "Sample finding", "service": {"archived": false} } }
        """);

    private static JsonElement SecurityHubFinding(string label) => Parse($$$"""
        {"version": "0", "id": "00000000-0000-0000-0000-000000000000", "detail-type": "Security Hub Findings - Imported", "source": "aws.securityhub",
         "account": "111122223333", "region": "eu-west-1", "resources": [],
         "detail": {"findings": [{"ProductName": "GuardDuty", "CompanyName": "Amazon", "ProductFields": {"aws/securityhub/ProductName": "GuardDuty"},
                                  "Severity": {"Label": "{{{label}}}"}, "Workflow": {"Status": "NEW"}, "RecordState": "ACTIVE",
                                  "Types": ["TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce"]}]} }
        """);

    private static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
