using PciZone.Estate;

namespace PciZone.Scope.Result;

/// <summary>
/// Everything <c>pcizone scope</c> found: the systems with their scope category, the flows between them
/// (and to and from the internet and external networks), and the segmentation violations. Every writer
/// (table, JSON, CSV, DOT, SVG) renders this record and nothing else.
/// </summary>
public sealed record ScopeResult(
    IReadOnlyList<ScopeSystem> Systems,
    IReadOnlyList<Flow> Flows,
    IReadOnlyList<SegmentationViolation> Violations,
    IReadOnlyList<string> CdeSelectors,
    IReadOnlyList<string> Notes);

/// <summary>Scope categories of the PCI SSC scoping guidance.</summary>
public enum ScopeCategory
{
    /// <summary>Stores, processes or transmits account data, or is designated as CDE.</summary>
    Cde,

    /// <summary>Can reach the CDE or be reached from it.</summary>
    ConnectedTo,

    /// <summary>Controls or carries CDE traffic (load balancers, NAT, firewalls, transit gateways, endpoints).</summary>
    SecurityImpacting,

    /// <summary>No path to or from the CDE either way.</summary>
    OutOfScope,
}

/// <summary>A system: anything with a network presence (instance, ENI, load balancer, database, function, ...).</summary>
/// <param name="Address">Estate address.</param>
/// <param name="Type">Estate type name (<c>Ec2Instance</c>, <c>RdsInstance</c>, ...).</param>
/// <param name="Vpc">VPC address, or null.</param>
/// <param name="Subnets">Subnet addresses.</param>
/// <param name="SecurityGroups">Security-group addresses.</param>
/// <param name="Category">Scope category.</param>
/// <param name="Reason">One line: why it has that category (the selector that matched, or the flow).</param>
/// <param name="Source">Where the system is declared.</param>
public sealed record ScopeSystem(
    string Address,
    string Type,
    string? Vpc,
    IReadOnlyList<string> Subnets,
    IReadOnlyList<string> SecurityGroups,
    ScopeCategory Category,
    string Reason,
    Provenance Source);

/// <summary>The answer for one flow.</summary>
public enum FlowVerdict
{
    /// <summary>Traffic gets there and back.</summary>
    Reachable,

    /// <summary>A component drops it; <see cref="Flow.BlockedBy"/> says which.</summary>
    Blocked,

    /// <summary>Depends on a value not known until apply.</summary>
    Unknown,
}

/// <summary>
/// Traffic from one endpoint to another. Endpoints are system addresses, <c>internet</c>, or
/// <c>external:&lt;what&gt;</c> (a peer VPC, VPN or prefix outside the estate).
/// </summary>
/// <param name="From">Source endpoint.</param>
/// <param name="To">Destination endpoint.</param>
/// <param name="Traffic">The traffic set, as text: <c>tcp/443</c>, <c>tcp/1024-65535, udp/53</c>, <c>all</c>.</param>
/// <param name="Verdict">Reachable, blocked or unknown.</param>
/// <param name="Path">Every hop, in order, with the rule that admitted it.</param>
/// <param name="BlockedBy">For blocked flows: the component and rule (or missing rule) that drops the traffic.</param>
/// <param name="UnknownBecause">For unknown flows: the value that is not known.</param>
/// <param name="Declared">The flow matches a declared entry point, flow or egress destination.</param>
public sealed record Flow(
    string From,
    string To,
    string Traffic,
    FlowVerdict Verdict,
    IReadOnlyList<Hop> Path,
    Hop? BlockedBy,
    string? UnknownBecause,
    bool Declared);

/// <summary>
/// One hop of a path: a component (route table, security group, NACL, gateway, peering, ...) and the
/// entry that admitted or dropped the traffic, with where that entry is written.
/// </summary>
/// <param name="Kind">What the component does here: <c>sg-egress</c>, <c>nacl-out</c>, <c>route</c>, <c>tgw-route</c>, <c>peering</c>, <c>nacl-in</c>, <c>sg-ingress</c>, <c>nacl-return</c>, <c>igw</c>, <c>nat</c>, <c>endpoint</c>, <c>listener</c>.</param>
/// <param name="Component">The component's estate address.</param>
/// <param name="Entry">The entry as text, for example <c>rule 100 allow tcp 443 from 0.0.0.0/0</c>.</param>
/// <param name="Source">Where the entry is written.</param>
public sealed record Hop(string Kind, string Component, string Entry, Provenance Source);

/// <summary>A segmentation check that failed, with the exact path that breaks it.</summary>
/// <param name="Check"><c>internet-to-cde</c>, <c>non-cde-to-cde</c> or <c>cde-egress</c>.</param>
/// <param name="Flow">The offending flow (reachable or unknown).</param>
/// <param name="Requirements">PCI DSS requirement ids.</param>
/// <param name="Message">One line for people.</param>
public sealed record SegmentationViolation(
    string Check,
    Flow Flow,
    IReadOnlyList<string> Requirements,
    string Message);
