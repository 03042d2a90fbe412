namespace PciZone.Estate;

/// <summary>An AWS Network Firewall joined with its logging configuration.</summary>
public sealed record NetworkFirewall : Resource
{
    /// <summary>Firewall policy.</summary>
    public Value<ResourceRef?> Policy { get; init; }

    /// <summary>Log types delivered (<c>FLOW</c>, <c>ALERT</c>, <c>TLS</c>); empty when there is no logging configuration.</summary>
    public Value<IReadOnlyList<string>> LogTypes { get; init; }
}

/// <summary>A Network Firewall policy.</summary>
public sealed record NetworkFirewallPolicy : Resource
{
    /// <summary>Default actions for full packets that match no stateless rule.</summary>
    public Value<IReadOnlyList<string>> StatelessDefaultActions { get; init; }

    /// <summary>Default actions for fragmented packets that match no stateless rule.</summary>
    public Value<IReadOnlyList<string>> StatelessFragmentDefaultActions { get; init; }

    /// <summary>Stateless rule groups referenced.</summary>
    public Value<IReadOnlyList<ResourceRef>> StatelessRuleGroups { get; init; }

    /// <summary>Stateful rule groups referenced.</summary>
    public Value<IReadOnlyList<ResourceRef>> StatefulRuleGroups { get; init; }
}

/// <summary>A Network Firewall rule group.</summary>
public sealed record NetworkFirewallRuleGroup : Resource
{
    /// <summary><c>STATELESS</c> or <c>STATEFUL</c>.</summary>
    public Value<string?> RuleGroupType { get; init; }

    /// <summary>Stateless rules defined in the group (0 for a stateful group).</summary>
    public Value<int> StatelessRuleCount { get; init; }
}

/// <summary>A Route 53 hosted zone joined with its query logging configuration.</summary>
public sealed record Route53HostedZone : Resource
{
    /// <summary>Zone name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>Private zone (associated with VPCs).</summary>
    public Value<bool> IsPrivate { get; init; }

    /// <summary>CloudWatch Logs log group that receives DNS query logs; null when query logging is off.</summary>
    public Value<ResourceRef?> QueryLogGroup { get; init; }
}
