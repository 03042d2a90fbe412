using PciZone.Cli.Tests.Support;
using PciZone.LandingZone.Spec;

namespace PciZone.LandingZone.Tests.Spec;

/// <summary><c>landing-zone init</c> writes the default spec, which is also the bundled example, and it is sound.</summary>
public sealed class InitTests
{
    [Fact]
    public void Init_WritesTheDefaultSpec_WhichReadsAndValidatesClean()
    {
        using var temp = new TempDir();
        var path = temp.PathOf("zone.yaml");
        Pcizone.Run("landing-zone", "init", "--out", path).ExitCode.ShouldBe(0);

        var spec = SpecReader.Read(path);
        SpecValidator.Validate(spec).ShouldBeEmpty();
        spec.Accounts.Select(a => a.Key).ShouldBe(["management", "log-archive", "security-tooling", "network", "shared-services", "cde-prod", "non-cde-prod", "dev-test", "sandbox"]);
        spec.Accounts.Single(a => a.CardholderData).Ou.ShouldBe(Ous.Cde);
    }

    [Fact]
    public void Init_ExistingFile_RefusesWithoutForce()
    {
        using var temp = new TempDir();
        var path = temp.Write("zone.yaml", "mine");
        Pcizone.Run("landing-zone", "init", "--out", path).ExitCode.ShouldBe(2);
        File.ReadAllText(path).ShouldBe("mine");
        Pcizone.Run("landing-zone", "init", "--out", path, "--force").ExitCode.ShouldBe(0);
        File.ReadAllText(path).ShouldBe(DefaultSpec.Text);
    }

    [Fact]
    public void BundledExample_IsTheDefaultSpec()
    {
        var example = Path.Combine(Support.Terraform.RepoRoot, "examples", "landing-zone", "payment-gateway.yaml");
        File.ReadAllText(example).ShouldBe(DefaultSpec.Text);
    }
}
