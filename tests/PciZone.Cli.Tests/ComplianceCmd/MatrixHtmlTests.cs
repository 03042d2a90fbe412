using System.Diagnostics;
using System.Text.RegularExpressions;
using PciZone.Cli.Tests.Support;
using PciZone.Compliance;

namespace PciZone.Cli.Tests.ComplianceCmd;

/// <summary>The HTML matrix as a real browser parses it: headless Chromium's DOM, not our own string checks.</summary>
public sealed partial class MatrixHtmlTests
{
    [Fact]
    public void HtmlMatrix_InChromium_HasEveryRequirementWithItsStatus()
    {
        using var temp = new TempDir();
        var html = temp.PathOf("matrix.html");
        var example = Path.Combine(Pcizone.RepoRoot, "examples", "payment-gateway");
        var result = Pcizone.Run("compliance", "matrix", example, "--format", "html");
        result.ExitCode.ShouldBe(0, result.Error);
        File.WriteAllText(html, result.Out);

        var dom = DumpDom(html);

        RowPattern().Matches(dom).Count.ShouldBe(RequirementCatalogue.PciDss401.Requirements.Count);
        dom.ShouldMatch("<tr data-requirement=\"10\\.5\\.1\" class=\"failed\">");
        dom.ShouldContain("<title>PCI DSS v4.0.1 compliance matrix</title>");
        dom.ShouldMatch("<p id=\"summary\">not evaluated: \\d+, passed: \\d+, failed: [1-9]\\d*");
    }

    private static string DumpDom(string file)
    {
        var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", new Uri(file).AbsoluteUri })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start (install Debian's chromium package)");
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(2)).ShouldBeTrue("chromium did not finish");
        process.ExitCode.ShouldBe(0);
        return output.Result;
    }

    [GeneratedRegex("<tr data-requirement=\"")]
    private static partial Regex RowPattern();
}
