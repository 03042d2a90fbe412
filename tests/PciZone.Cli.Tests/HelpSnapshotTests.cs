using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests;

/// <summary>
/// --help is part of the interface: a change must be reviewed. On a mismatch the new text is written
/// next to the approved file as *.received.txt; copy it over the approved file once it is right.
/// </summary>
public sealed class HelpSnapshotTests
{
    [Theory]
    [InlineData("help", new[] { "--help" })]
    [InlineData("scan-help", new[] { "scan", "--help" })]
    [InlineData("rules-list-help", new[] { "rules", "list", "--help" })]
    public void Help_MatchesApprovedText(string name, string[] args)
    {
        var result = Pcizone.Run(args);

        result.ExitCode.ShouldBe(0);
        Approve(name, result.Out);
    }

    [Fact]
    public void Help_ListsExitCodes()
    {
        var result = Pcizone.Run("--help");

        result.Out.ShouldContain("Exit codes:");
        result.Out.ShouldContain("3  an input could not be read");
    }

    private static void Approve(string name, string actual)
    {
        var dir = Path.Combine(Pcizone.RepoRoot, "tests", "PciZone.Cli.Tests", "Approved");
        var approved = Path.Combine(dir, $"{name}.approved.txt");
        var received = Path.Combine(dir, $"{name}.received.txt");
        var expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"{name}: output differs from {approved}; the new output is in {received}");
    }
}
