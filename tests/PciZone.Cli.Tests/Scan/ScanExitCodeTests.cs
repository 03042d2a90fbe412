using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.Scan;

public sealed class ScanExitCodeTests
{
    [Fact]
    public void Scan_HighFailureWithDefaultGate_Exits1()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file, "--rule", Templates.Rule);

        result.ExitCode.ShouldBe(1, result.Error);
        result.Out.ShouldContain(Templates.FailingAddress);
    }

    [Fact]
    public void Scan_OnlyPassingResources_Exits0()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.PassingBucket);

        var result = Pcizone.Run("scan", file, "--rule", Templates.Rule);

        result.ExitCode.ShouldBe(0, result.Error);
    }

    [Theory]
    [InlineData("critical", 0)]
    [InlineData("none", 0)]
    [InlineData("high", 1)]
    [InlineData("LOW", 1)]
    public void Scan_FailOnGate_DecidesExitCode(string gate, int expected)
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file, "--rule", Templates.Rule, "--fail-on", gate);

        result.ExitCode.ShouldBe(expected, result.Error);
    }

    [Fact]
    public void Scan_UnreadableInputAndFailures_Exits3AndStillReports()
    {
        using var dir = new TempDir();
        var good = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", good, dir.PathOf("missing.json"), "--rule", Templates.Rule);

        result.ExitCode.ShouldBe(3);
        result.Out.ShouldContain(Templates.FailingAddress);
        result.Error.ShouldContain("missing.json");
    }

    [Theory]
    [InlineData("--fail-on", "severe")]
    [InlineData("--format", "pdf")]
    [InlineData("--rule", "PCZ-NOPE-999")]
    [InlineData("--skip-rule", "no-such-rule")]
    [InlineData("--requirement", "99.9")]
    [InlineData("--no-such-flag", "x")]
    public void Scan_InvalidOption_Exits2WithOneLinePerProblem(string option, string value)
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file, option, value);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.Error.ShouldNotContain("   at ");
        result.ErrorLines.ShouldAllBe(l => l.StartsWith("pcizone: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_NoPath_Exits2()
    {
        Pcizone.Run("scan").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Run_NoCommand_Exits2()
    {
        Pcizone.Run().ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Scan_UnknownOutcome_CountsAgainstGateOnlyWithFailOnUnknown()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.UnknownBucket);

        var lenient = Pcizone.Run("scan", file, "--rule", Templates.Rule);
        var strict = Pcizone.Run("scan", file, "--rule", Templates.Rule, "--fail-on-unknown");

        lenient.Error.ShouldContain("1 unknown");
        lenient.Error.ShouldContain("0 passed");
        lenient.ExitCode.ShouldBe(0, lenient.Error);
        strict.ExitCode.ShouldBe(1, strict.Error);
    }

    [Fact]
    public void Version_PrintsAssemblyVersion()
    {
        var result = Pcizone.Run("--version");

        result.ExitCode.ShouldBe(0);
        result.Out.Trim().ShouldMatch(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    public void Run_OutputWriterThrows_OneLineInternalErrorExit3()
    {
        using var stderr = new StringWriter();
        var host = new CliHost(new ThrowingWriter(), stderr, _ => null, OutputIsTerminal: false, TimeProvider.System);

        var code = CliApp.Run(["rules", "list"], host);

        code.ShouldBe(3);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldHaveSingleItem().ShouldStartWith("pcizone: internal error: ");
    }

    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("disk on fire");

        public override void Write(string? value) => throw new InvalidOperationException("disk on fire");

        public override void WriteLine(string? value) => throw new InvalidOperationException("disk on fire");
    }
}
