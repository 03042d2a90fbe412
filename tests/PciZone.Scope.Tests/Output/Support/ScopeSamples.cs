using PciZone.Estate;
using PciZone.Scope.Result;

namespace PciZone.Scope.Tests.Output;

/// <summary>
/// Hand-built scope results. <see cref="Sample"/> has every category, every verdict, declared and
/// undeclared flows, a violation per check (one of them on an unknown flow), a multi-hop path, a
/// subnet that holds both CDE and non-CDE systems, systems in several subnets and outside any VPC,
/// and one system whose address and reason need escaping in every format.
/// </summary>
internal static class ScopeSamples
{
    public const string OddAddress = "aws_instance.legacy[\"a\\\"b\\\\c <x>\"]";
    public const string OddReason = "reaches aws_db_instance.cards\non tcp/5432 \"via\" C:\\ops <b>&</b>";

    public static ScopeSystem Sys(string address, string type, string? vpc, string[] subnets, ScopeCategory category, string reason, int line = 1) =>
        new(address, type, vpc, subnets, ["aws_security_group." + address.Split('.')[^1].Split('[')[0]], category, reason,
            new Provenance("network.tf", line, address));

    public static Hop H(string kind, string component, string entry, int line, string file = "network.tf") =>
        new(kind, component, entry, new Provenance(file, line, component));

    public static Flow F(string from, string to, string traffic, FlowVerdict verdict, Hop[] path, bool declared = false,
        Hop? blockedBy = null, string? unknownBecause = null) =>
        new(from, to, traffic, verdict, path, blockedBy, unknownBecause, declared);

    public static readonly Flow InternetSsh = F("internet", "aws_instance.payments", "tcp/22", FlowVerdict.Reachable,
    [
        H("igw", "aws_internet_gateway.main", "route 0.0.0.0/0 via igw", 40),
        H("route", "aws_route_table.public", "0.0.0.0/0 -> aws_internet_gateway.main", 44),
        H("nacl-in", "aws_network_acl.app", "rule 100 allow tcp 0-65535 from 0.0.0.0/0", 60),
        H("sg-ingress", "aws_security_group.payments", "ingress tcp/22 from 0.0.0.0/0", 12, "security.tf"),
        H("nacl-return", "aws_network_acl.app", "rule 100 allow all to 0.0.0.0/0", 66),
    ]);

    public static readonly Flow ReportingToCards = F("aws_instance.reporting", "aws_db_instance.cards", "tcp/5432", FlowVerdict.Reachable,
    [
        H("sg-egress", "aws_security_group.reporting", "egress all to 0.0.0.0/0", 30, "security.tf"),
        H("route", "aws_route_table.private", "10.0.0.0/16 local", 50),
        H("sg-ingress", "aws_security_group.cards", "ingress tcp/5432 from 10.0.2.0/24", 20, "security.tf"),
    ]);

    public static readonly Flow PaymentsToPartner = F("aws_instance.payments", "external:pcx-partner", "tcp/443", FlowVerdict.Unknown,
    [
        H("sg-egress", "aws_security_group.payments", "egress tcp/443 to 0.0.0.0/0", 14, "security.tf"),
        H("route", "aws_route_table.private", "172.16.0.0/12 -> aws_vpc_peering_connection.partner", 52),
        H("peering", "aws_vpc_peering_connection.partner", "accepter CIDR known after apply", 80),
    ], unknownBecause: "aws_vpc_peering_connection.partner: peer CIDR is known only after apply");

    public static ScopeResult Sample() => new(
        Systems:
        [
            Sys("aws_db_instance.cards", "RdsInstance", "aws_vpc.main", ["aws_subnet.db_a", "aws_subnet.db_b"], ScopeCategory.Cde, "selector tag:pci=cde", 90),
            Sys("aws_instance.payments", "Ec2Instance", "aws_vpc.main", ["aws_subnet.app"], ScopeCategory.Cde, "selector subnet:aws_subnet.app", 100),
            Sys("aws_instance.reporting", "Ec2Instance", "aws_vpc.main", ["aws_subnet.app"], ScopeCategory.ConnectedTo, "reaches aws_db_instance.cards on tcp/5432", 110),
            Sys("aws_lb.web", "LoadBalancer", "aws_vpc.main", ["aws_subnet.public_a", "aws_subnet.public_b"], ScopeCategory.SecurityImpacting, "carries internet traffic to aws_instance.payments", 120),
            Sys("aws_nat_gateway.main", "NatGateway", "aws_vpc.main", ["aws_subnet.public_a"], ScopeCategory.SecurityImpacting, "carries CDE egress", 130),
            Sys("aws_instance.build", "Ec2Instance", "aws_vpc.tools", ["aws_subnet.tools_a"], ScopeCategory.OutOfScope, "no path to or from the CDE", 140),
            Sys("aws_lambda_function.export", "LambdaFunction", null, [], ScopeCategory.OutOfScope, "not in a VPC; no path to the CDE", 150),
            Sys(OddAddress, "Ec2Instance", "aws_vpc.main", ["aws_subnet.app"], ScopeCategory.ConnectedTo, OddReason, 160),
        ],
        Flows:
        [
            F("internet", "aws_lb.web", "tcp/443", FlowVerdict.Reachable,
                [H("igw", "aws_internet_gateway.main", "route 0.0.0.0/0 via igw", 40), H("sg-ingress", "aws_security_group.web", "ingress tcp/443 from 0.0.0.0/0", 8, "security.tf")],
                declared: true),
            F("aws_lb.web", "aws_instance.payments", "tcp/8443", FlowVerdict.Reachable,
                [H("listener", "aws_lb_listener.https", "443 -> aws_lb_target_group.payments", 125), H("sg-ingress", "aws_security_group.payments", "ingress tcp/8443 from aws_security_group.web", 10, "security.tf")],
                declared: true),
            InternetSsh,
            ReportingToCards,
            PaymentsToPartner,
            F("aws_instance.build", "aws_db_instance.cards", "tcp/5432", FlowVerdict.Blocked,
                [H("sg-egress", "aws_security_group.build", "egress all to 0.0.0.0/0", 40, "security.tf"), H("peering", "aws_vpc_peering_connection.tools", "tools -> main", 84)],
                blockedBy: H("route", "aws_route_table.main_private", "no route to 10.50.0.0/16 (peering without a return route)", 50)),
            F(OddAddress, "aws_db_instance.cards", "tcp/5432", FlowVerdict.Reachable,
                [H("sg-ingress", "aws_security_group.cards", "ingress tcp/5432 from 10.0.2.0/24", 20, "security.tf")]),
            F("aws_instance.payments", "aws_nat_gateway.main", "tcp/443", FlowVerdict.Reachable,
                [H("route", "aws_route_table.private", "0.0.0.0/0 -> aws_nat_gateway.main", 54)], declared: true),
        ],
        Violations:
        [
            new("internet-to-cde", InternetSsh, ["1.3.1", "1.4.1", "11.4.5"], "the internet reaches CDE system aws_instance.payments outside the declared entry points"),
            new("non-cde-to-cde", ReportingToCards, ["1.3.1", "1.2.5"], "aws_instance.reporting reaches CDE system aws_db_instance.cards without a declared flow"),
            new("cde-egress", PaymentsToPartner, ["1.3.2", "1.4.4"], "CDE egress to external:pcx-partner may be allowed (depends on a value known after apply)"),
        ],
        CdeSelectors: ["tag:pci=cde", "subnet:aws_subnet.app"],
        Notes: ["1 flow depends on values known only after apply"]);

    /// <summary>The same result with every list reversed: the writers must not depend on the engine's order.</summary>
    public static ScopeResult Reversed(ScopeResult r) => r with
    {
        Systems = [.. r.Systems.Reverse()],
        Flows = [.. r.Flows.Reverse()],
        Violations = [.. r.Violations.Reverse()],
    };

    public static ScopeResult Empty() => new([], [], [], [], []);
}
