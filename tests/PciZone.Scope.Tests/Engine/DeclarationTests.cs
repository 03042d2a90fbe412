using PciZone.Scope.Result;

namespace PciZone.Scope.Tests.Engine;

/// <summary>Selectors and declared flows: what they match, and that partial declarations do not hide traffic.</summary>
public sealed class DeclarationTests
{
    [Theory]
    [InlineData("tag:pcizone:cde=true", null)]
    [InlineData("subnet:aws_subnet.*", null)]
    [InlineData("module.x.aws_instance.y", null)]
    [InlineData("tag:novalue", "tag:KEY=VALUE")]
    [InlineData("sgx:foo", "unknown kind 'sgx'")]
    [InlineData("vpc:", "the pattern is empty")]
    public void ValidateSelector_ReportsWhatIsWrong(string selector, string? error)
    {
        var result = ScopeAnalyzer.ValidateSelector(selector);
        if (error is null)
        {
            result.ShouldBeNull();
        }
        else
        {
            result.ShouldNotBeNull().ShouldContain(error);
        }
    }

    [Theory]
    [InlineData("tcp/443", null)]
    [InlineData("tcp/1024-65535, udp/53", null)]
    [InlineData("all", null)]
    [InlineData("tcp/70000", "is not a port")]
    [InlineData("sctp/1", "unknown protocol")]
    [InlineData("tcp/20-10", "is not a port")]
    public void Validate_Traffic(string traffic, string? error)
    {
        var result = ScopeAnalyzer.Validate(new DeclaredFlow("internet", "x", traffic, null));
        if (error is null)
        {
            result.ShouldBeNull();
        }
        else
        {
            result.ShouldNotBeNull().ShouldContain(error);
        }
    }

    [Fact]
    public void DeclaredFlow_CoversOnlyTrafficWithinIt()
    {
        // The CDE host's group allows all egress through the NAT: declaring tcp/443 does not cover "all".
        var narrow = CaseHarness.Run("nat-egress", ScopeOptions.Default with { Egress = [new DeclaredFlow("tag:pcizone:cde=true", "internet", "tcp/443", null)] });
        narrow.Violations.ShouldBeEmpty("the group allows only tcp/443 out");
        var tooNarrow = CaseHarness.Run("nat-egress", ScopeOptions.Default with { Egress = [new DeclaredFlow("tag:pcizone:cde=true", "internet", "tcp/8443", null)] });
        tooNarrow.Violations.Single().Check.ShouldBe("cde-egress");
    }

    [Fact]
    public void CdeSelectors_BySubnetAndByAccountFile()
    {
        var bySubnet = CaseHarness.Run("nacl-return", ScopeOptions.Default with { Cde = ["subnet:*aws_subnet.db"] });
        bySubnet.System("aws_instance.db").Category.ShouldBe(ScopeCategory.Cde);
        bySubnet.System("aws_instance.db_open").Category.ShouldNotBe(ScopeCategory.Cde);

        var byAccount = CaseHarness.Run("nacl-return", ScopeOptions.Default with { Cde = ["account:*nacl-return*"] });
        byAccount.Systems.ShouldAllBe(s => s.Category == ScopeCategory.Cde);
    }
}
