using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.Config;

public sealed class ConfigTests
{
    [Fact]
    public void Scan_ConfigInParentDirectory_IsDiscovered()
    {
        using var dir = new TempDir();
        dir.Write(".pcizone.yaml", "failOn: critical\n");
        var file = dir.Write("infra/deep/bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file, "--rule", Templates.Rule);

        result.ExitCode.ShouldBe(0, result.Error);
    }

    [Fact]
    public void Scan_EnvironmentOverridesFile_FlagOverridesEnvironment()
    {
        using var dir = new TempDir();
        dir.Write(".pcizone.yaml", "failOn: critical\n");
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);
        var env = new Dictionary<string, string> { ["PCIZONE_FAIL_ON"] = "high" };

        var fromEnv = Pcizone.Run(env, "scan", file, "--rule", Templates.Rule);
        var fromFlag = Pcizone.Run(env, "scan", file, "--rule", Templates.Rule, "--fail-on", "none");

        fromEnv.ExitCode.ShouldBe(1, fromEnv.Error);
        fromFlag.ExitCode.ShouldBe(0, fromFlag.Error);
    }

    [Fact]
    public void Scan_UnknownKey_Exits2NamingFileAndLine()
    {
        using var dir = new TempDir();
        var config = dir.Write(".pcizone.yaml", "failOn: high\nfailon: low\n");
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain($"{config}:2:");
        result.Error.ShouldContain("failon");
    }

    [Fact]
    public void Scan_UnknownNestedKey_Exits2()
    {
        using var dir = new TempDir();
        dir.Write(".pcizone.yaml", "rules:\n  only: [PCZ-S3-002]\n  ignore: [x]\n");
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(":3:");
        result.Error.ShouldContain("rules.ignore");
    }

    [Fact]
    public void Scan_MalformedConfig_Exits2WithLine()
    {
        using var dir = new TempDir();
        dir.Write(".pcizone.yaml", "failOn: high\nformats: [json\n");
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain(".pcizone.yaml:");
    }

    [Fact]
    public void Scan_ConfigFlag_OverridesDiscoveredFile()
    {
        using var dir = new TempDir();
        dir.Write(".pcizone.yaml", "failOn: critical\n");
        var other = dir.Write("ci/strict.yaml", "failOn: low\n");
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file, "--rule", Templates.Rule, "--config", other);

        result.ExitCode.ShouldBe(1, result.Error);
    }

    [Fact]
    public void Scan_ConfigFlagMissingFile_Exits2()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        Pcizone.Run("scan", file, "--config", dir.PathOf("nope.yaml")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Scan_ConfigFormatsAndRules_AreApplied()
    {
        using var dir = new TempDir();
        dir.Write(".pcizone.yaml", $"formats: [csv=reports/out.csv]\nrules:\n  only: [{Templates.Rule}]\n");
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file);

        result.ExitCode.ShouldBe(1, result.Error);
        result.Out.ShouldBeEmpty();
        File.ReadAllText(dir.PathOf("reports/out.csv")).ShouldContain(Templates.FailingAddress);
    }

    [Fact]
    public void Scan_ConfigSkipRule_RemovesRule()
    {
        using var dir = new TempDir();
        dir.Write(".pcizone.yaml", $"rules:\n  skip: [{Templates.Rule}]\n");
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file, "--format", "csv");

        result.Out.ShouldNotContain(Templates.Rule);
    }

    [Fact]
    public void Scan_FormatEnvironment_OverridesConfigFormats()
    {
        using var dir = new TempDir();
        dir.Write(".pcizone.yaml", "formats: [csv=from-config.csv]\n");
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);
        var env = new Dictionary<string, string> { ["PCIZONE_FORMAT"] = "json" };

        var result = Pcizone.Run(env, "scan", file, "--rule", Templates.Rule);

        result.Out.TrimStart().ShouldStartWith("{");
        File.Exists(dir.PathOf("from-config.csv")).ShouldBeFalse();
    }

    [Fact]
    public void Scan_InvalidEnvironmentValue_Exits2NamingVariable()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);
        var env = new Dictionary<string, string> { ["PCIZONE_FAIL_ON"] = "sometimes" };

        var result = Pcizone.Run(env, "scan", file);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("PCIZONE_FAIL_ON");
    }
}
