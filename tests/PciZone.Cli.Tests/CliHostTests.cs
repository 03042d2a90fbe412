using PciZone.Cli;

namespace PciZone.Cli.Tests;

public sealed class CliHostTests
{
    [Theory]
    [InlineData(true, null, null, true)]
    [InlineData(false, null, null, false)]
    [InlineData(true, "1", null, false)]
    [InlineData(true, "", null, true)]
    [InlineData(true, null, "true", false)]
    [InlineData(true, null, "false", true)]
    public void UseRichOutput_TerminalNoColorAndCi_Decide(bool terminal, string? noColor, string? ci, bool expected)
    {
        var env = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["CI"] = ci };
        var host = new CliHost(TextWriter.Null, TextWriter.Null, name => env.GetValueOrDefault(name), terminal, TimeProvider.System);

        host.UseRichOutput.ShouldBe(expected);
    }

    [Fact]
    public void RulesList_OnTerminal_DrawsTable()
    {
        using var stdout = new StringWriter();
        var host = new CliHost(stdout, TextWriter.Null, _ => null, OutputIsTerminal: true, TimeProvider.System);

        CliApp.Run(["rules", "list"], host).ShouldBe(0);

        stdout.ToString().ShouldContain("╭");
        stdout.ToString().ShouldContain("PCZ-S3-002");
    }

    [Fact]
    public void Log_MultiLineMessage_StaysOneLine()
    {
        using var stderr = new StringWriter();
        var host = new CliHost(TextWriter.Null, stderr, _ => null, OutputIsTerminal: false, TimeProvider.System);

        host.Log("first\r\nsecond\nthird");

        stderr.ToString().ShouldBe("pcizone: first second third" + Environment.NewLine);
    }
}
