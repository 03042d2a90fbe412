using System.Diagnostics;
using System.Text;

namespace PciZone.Scope.Tests.Output;

/// <summary>
/// Runs Debian's Graphviz <c>dot</c> on DOT text. Without <c>dot</c> the test is skipped on a developer
/// machine but fails in CI (CI=true), where the package is installed and its absence is a setup defect.
/// </summary>
internal static class Graphviz
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static Run Svg(string dot)
    {
        var exe = Find();
        var start = new ProcessStartInfo(exe, "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dot did not start");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.StandardInput.Write(dot);
        process.StandardInput.Close();
        process.WaitForExit(TimeSpan.FromMinutes(1)).ShouldBeTrue("dot did not finish");
        return new Run(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    private static string Find()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "dot.exe" : "dot"))
            .FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("Graphviz 'dot' is not on PATH; CI must install Debian's graphviz package");
        }

        Assert.Skip("Graphviz 'dot' is not on PATH (apt-get install graphviz)");
        return "";
    }
}
