namespace PciZone.Estate;

/// <summary>An AWS Firewall Manager security policy (<c>aws_fms_policy</c>, <c>AWS::FMS::Policy</c>).</summary>
public sealed record FmsPolicy : Resource
{
    /// <summary>Policy name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>Security service: <c>WAFV2</c>, <c>WAF</c>, <c>SHIELD_ADVANCED</c>, <c>NETWORK_FIREWALL</c>, <c>SECURITY_GROUPS_COMMON</c> and others.</summary>
    public Value<string> ServiceType { get; init; }

    /// <summary>Firewall Manager applies the policy to in-scope resources instead of only reporting them (default false).</summary>
    public Value<bool> RemediationEnabled { get; init; }

    /// <summary>
    /// The rule groups a WAF policy places in every web ACL it manages, read from the managed service data:
    /// WAFV2 first (pre-process) and last (post-process) groups, classic WAF rule groups. Unknown when the
    /// data is unknown or cannot be parsed; empty for other services.
    /// </summary>
    public Value<IReadOnlyList<FmsRuleGroup>> RuleGroups { get; init; }
}

/// <summary>
/// One rule group of a Firewall Manager WAF policy. <paramref name="Position"/> is <c>first</c> or <c>last</c>
/// (classic WAF groups are <c>first</c>); <paramref name="OverrideAction"/> is <c>NONE</c> (the group's
/// actions apply) or <c>COUNT</c> (its rules only count).
/// </summary>
public sealed record FmsRuleGroup(string Name, string Position, string OverrideAction);
