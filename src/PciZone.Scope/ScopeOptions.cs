using PciZone.Estate;

namespace PciZone.Scope;

/// <summary>
/// What the user declares: which systems are the CDE, which systems may be reached from the internet
/// and pass traffic into the CDE, which flows into the CDE are approved, and where the CDE may send
/// traffic. Every list may be empty; with no CDE selector the CDE tags are used.
/// </summary>
/// <param name="Cde">CDE selectors (see <see cref="Classify.Selector"/>).</param>
/// <param name="EntryPoints">Selectors of systems approved to receive internet traffic and forward it into the CDE.</param>
/// <param name="Flows">Approved flows between non-CDE systems and the CDE.</param>
/// <param name="Egress">Approved destinations of CDE egress.</param>
/// <param name="EphemeralPorts">The clients' ephemeral port range that stateless NACLs must let back in.</param>
public sealed record ScopeOptions(
    IReadOnlyList<string> Cde,
    IReadOnlyList<string> EntryPoints,
    IReadOnlyList<DeclaredFlow> Flows,
    IReadOnlyList<DeclaredFlow> Egress,
    (int From, int To) EphemeralPorts)
{
    /// <summary>The selectors used when none is given: the CDE tags the landing zone and the rule pack use.</summary>
    public static readonly IReadOnlyList<string> DefaultCde = [$"tag:{CdeTags.Cde}=true", $"tag:{CdeTags.DataClass}=cardholder-data"];

    /// <summary>
    /// Always an entry point, in addition to the declared ones: what carries this tag was approved
    /// where it was written (the landing zone tags its edge load balancer).
    /// </summary>
    public const string EntryPointTag = "tag:" + CdeTags.EntryPoint + "=true";

    /// <summary>
    /// AWS's advice for NACLs in front of clients of every kind (Linux, Windows, load balancers, NAT
    /// gateways): let 1024-65535 back in.
    /// </summary>
    public static readonly (int From, int To) DefaultEphemeralPorts = (1024, 65535);

    /// <summary>No declarations: CDE by tag, no entry points, no approved flows.</summary>
    public static ScopeOptions Default { get; } = new(DefaultCde, [], [], [], DefaultEphemeralPorts);
}

/// <summary>
/// An approved flow: from a selector to a selector, optionally limited to traffic such as
/// <c>tcp/443</c> or <c>tcp/5432, udp/53</c>. For egress, <see cref="To"/> may also be a CIDR, <c>internet</c>
/// or <c>aws-service:NAME</c>.
/// </summary>
/// <param name="From">Source selector.</param>
/// <param name="To">Destination selector.</param>
/// <param name="Traffic">Protocols and ports, or null for any.</param>
/// <param name="Reason">Why it is approved (shown in evidence).</param>
public sealed record DeclaredFlow(string From, string To, string? Traffic, string? Reason);
