using PciZone.Scope.Result;

namespace PciZone.Scope.Tests.Engine;

/// <summary>The hand-built cases of issue 5, each planned with real terraform, each with its one right verdict.</summary>
public sealed class TrickyCaseTests
{
    [Fact]
    public void NaclReturn_GroupAllowsButAclDropsReplies_Blocked()
    {
        var r = CaseHarness.Run("nacl-return");
        var blocked = r.Flow("aws_instance.web", "aws_instance.db");
        blocked.Verdict.ShouldBe(FlowVerdict.Blocked);
        blocked.BlockedBy!.Kind.ShouldBe("nacl-return");
        blocked.BlockedBy.Component.ShouldBe(CaseHarness.M + "aws_network_acl.db");

        var open = r.Flow("aws_instance.web", "aws_instance.db_open");
        open.Verdict.ShouldBe(FlowVerdict.Reachable);
        open.Traffic.ShouldBe("tcp/443");
        open.Path.Select(h => h.Kind).ShouldBe(["sg-egress", "route", "nacl-in", "sg-ingress", "nacl-return"]);
    }

    [Fact]
    public void IgwWithoutPublicIp_OnlyThePublicInstanceIsReachableFromTheInternet()
    {
        var r = CaseHarness.Run("igw-no-public-ip");
        var priv = r.Flow("internet", "aws_instance.private_ip_only");
        priv.Verdict.ShouldBe(FlowVerdict.Blocked);
        priv.BlockedBy!.Entry.ShouldContain("no public IP");

        var pub = r.Flow("internet", "aws_instance.public_ip");
        pub.Verdict.ShouldBe(FlowVerdict.Reachable);
        pub.Traffic.ShouldBe("tcp/443");
        pub.Path.Select(h => h.Kind).ShouldContain("igw");
        r.Violations.ShouldContain(v => v.Check == "internet-to-cde" && v.Flow.To == CaseHarness.M + "aws_instance.public_ip");
        r.Violations.ShouldNotContain(v => v.Flow.To == CaseHarness.M + "aws_instance.private_ip_only" && v.Check == "internet-to-cde");
    }

    [Fact]
    public void PeeringWithoutReturnRoute_Blocked_WithReturnRoute_Reachable()
    {
        var r = CaseHarness.Run("peering-return");
        r.Flow("aws_instance.app", "aws_instance.db_routed").Verdict.ShouldBe(FlowVerdict.Reachable);
        var noReturn = r.Flow("aws_instance.app", "aws_instance.db_no_return");
        noReturn.Verdict.ShouldBe(FlowVerdict.Blocked);
        noReturn.BlockedBy!.Kind.ShouldBe("route");
        noReturn.BlockedBy.Entry.ShouldContain("no route");
        r.System("aws_instance.db_routed").Category.ShouldBe(ScopeCategory.Cde, "the CDE tag is on the VPC");
        r.System("aws_instance.app").Category.ShouldBe(ScopeCategory.ConnectedTo);
    }

    [Fact]
    public void TransitGatewayRouteTables_IsolateNonCdeFromCde()
    {
        var r = CaseHarness.Run("tgw-isolation");
        var isolated = r.Flow("aws_instance.noncde", "aws_instance.cde");
        isolated.Verdict.ShouldBe(FlowVerdict.Blocked);
        isolated.BlockedBy!.Kind.ShouldBe("route");
        var shared = r.Flow("aws_instance.shared", "aws_instance.cde");
        shared.Verdict.ShouldBe(FlowVerdict.Reachable);
        shared.Path.ShouldContain(h => h.Kind == "tgw-route" && h.Component == CaseHarness.M + "aws_ec2_transit_gateway_route_table.shared");
        r.System("aws_instance.noncde").Category.ShouldBe(ScopeCategory.OutOfScope);
        r.System("aws_instance.shared").Category.ShouldBe(ScopeCategory.ConnectedTo);
    }

    [Fact]
    public void GroupReferences_OtherGroupAndSelf()
    {
        var r = CaseHarness.Run("sg-refs");
        var web = r.Flow("aws_instance.web", "aws_instance.app");
        web.Verdict.ShouldBe(FlowVerdict.Reachable);
        web.Traffic.ShouldBe("tcp/8080");
        // No rule of the app's group names the other host's group or address: it is not even a candidate.
        r.Flows.ShouldNotContain(f => f.From == CaseHarness.M + "aws_instance.other");
        r.System("aws_instance.other").Category.ShouldBe(ScopeCategory.OutOfScope);
        r.System("aws_instance.web").Category.ShouldBe(ScopeCategory.ConnectedTo);
        var self = r.Flow("aws_instance.node2", "aws_instance.node1");
        self.Verdict.ShouldBe(FlowVerdict.Reachable);
        self.Traffic.ShouldBe("all");
        self.Path.ShouldContain(h => h.Kind == "sg-ingress" && h.Entry.Contains("self", StringComparison.Ordinal));
    }

    [Fact]
    public void AclDenyBeforeAllow_FirstMatchWins()
    {
        var r = CaseHarness.Run("nacl-deny-first");
        r.Flow("aws_instance.jump", "aws_instance.cde").Traffic.ShouldBe("tcp/443");
        r.Flow("aws_instance.ops", "aws_instance.cde").Traffic.ShouldBe("tcp/22, tcp/443");
    }

    [Fact]
    public void OverlappingRoutes_MoreSpecificWins()
    {
        var r = CaseHarness.Run("overlapping-routes");
        r.Flow("aws_instance.app", "aws_instance.direct").Verdict.ShouldBe(FlowVerdict.Reachable);
        var diverted = r.Flow("aws_instance.app", "aws_instance.diverted");
        diverted.Verdict.ShouldBe(FlowVerdict.Blocked);
        diverted.BlockedBy!.Entry.ShouldContain("to_other");
    }

    [Fact]
    public void NatGateway_GivesEgressOnly()
    {
        var r = CaseHarness.Run("nat-egress");
        var egress = r.Flow("aws_instance.cde", "internet");
        egress.Verdict.ShouldBe(FlowVerdict.Reachable);
        egress.Traffic.ShouldBe("tcp/443");
        egress.Path.ShouldContain(h => h.Kind == "nat");
        r.Flow("internet", "aws_instance.cde").Verdict.ShouldBe(FlowVerdict.Blocked);
        r.Violations.Single().Check.ShouldBe("cde-egress");
        r.System("aws_nat_gateway.nat").Category.ShouldBe(ScopeCategory.SecurityImpacting);

        var declared = CaseHarness.Run("nat-egress", ScopeOptions.Default with { Egress = [new DeclaredFlow(CaseHarness.M + "aws_instance.cde", "internet", "tcp/443", "card network")] });
        declared.Violations.ShouldBeEmpty();
        declared.Flow("aws_instance.cde", "internet").Declared.ShouldBeTrue();
    }

    [Fact]
    public void Endpoints_InterfaceEndpointReachable_ApplianceRouteUnknown()
    {
        var r = CaseHarness.Run("endpoints");
        var ssm = r.Flow("aws_instance.cde", "aws_vpc_endpoint.ssm");
        ssm.Verdict.ShouldBe(FlowVerdict.Reachable);
        ssm.Traffic.ShouldBe("tcp/443");
        r.System("aws_vpc_endpoint.ssm").Category.ShouldBe(ScopeCategory.SecurityImpacting);
        var inspected = r.Flow("aws_instance.app", "aws_instance.cde");
        inspected.Verdict.ShouldBe(FlowVerdict.Unknown);
        inspected.UnknownBecause!.ShouldContain("appliance");
    }

    [Fact]
    public void LoadBalancer_RelaysInternetIntoCde_UnlessDeclaredEntryPoint()
    {
        var r = CaseHarness.Run("lb-relay");
        r.Flow("internet", "aws_instance.payments").Verdict.ShouldBe(FlowVerdict.Blocked);
        var relayed = r.Flows.Single(f => f.From == "internet" && f.To == CaseHarness.M + "aws_instance.payments" && f.Path.Any(h => h.Kind == "listener"));
        relayed.Verdict.ShouldBe(FlowVerdict.Reachable);
        relayed.Traffic.ShouldBe("tcp/8443");
        r.Violations.ShouldContain(v => v.Check == "internet-to-cde");
        r.System("aws_lb.public").Category.ShouldBe(ScopeCategory.SecurityImpacting);

        var declared = CaseHarness.Run("lb-relay", ScopeOptions.Default with { EntryPoints = [CaseHarness.M + "aws_lb.public"] });
        declared.Violations.ShouldBeEmpty();
    }
}
