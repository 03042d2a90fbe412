using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PciZone.Cli.ScopeCmd;

/// <summary>
/// <c>--format svg</c>: renders the scope diagram's DOT through Graphviz's <c>dot -Tsvg</c> (Debian's
/// graphviz package). The DOT is streamed to dot's stdin as it is written; the SVG is collected and
/// handed back only when dot succeeds, so a failure never leaves half a file on stdout. Every failure
/// is a <see cref="UsageException"/>: one line on stderr and exit code 2 ("a report that cannot be
/// written"): dot not on PATH, dot exiting non-zero, or dot not finishing within the timeout.
/// </summary>
/// <remarks>
/// This is the only place the scope command starts a process; the house rules keep process calls in
/// the CLI. Call <see cref="EnsureAvailable"/> before scanning, so a missing Graphviz costs nothing.
/// </remarks>
internal static class GraphvizSvg
{
    /// <summary>The executable, resolved on PATH.</summary>
    public const string DefaultExecutable = "dot";

    /// <summary>How long dot may take; a diagram of a large estate can take a while to lay out.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private const string InstallHint = "install Graphviz (Debian/Ubuntu: apt-get install graphviz), or write --format dot and render it elsewhere";

    /// <summary>Checks that dot runs (<c>dot -V</c>); throws <see cref="UsageException"/> when it does not.</summary>
    public static void EnsureAvailable(string executable = DefaultExecutable)
    {
        var run = Run(executable, "-V", _ => { }, TimeSpan.FromSeconds(30));
        if (run.ExitCode != 0)
        {
            throw new UsageException($"--format svg: '{executable} -V' exited with code {run.ExitCode}: {FirstLines(run.Error)}; {InstallHint}");
        }
    }

    /// <summary>
    /// Runs <c>dot -Tsvg</c>, streaming the DOT that <paramref name="writeDot"/> writes into its stdin,
    /// and returns the SVG. Warnings dot prints while succeeding go to <paramref name="warn"/>.
    /// </summary>
    public static string Render(Action<TextWriter> writeDot, Action<string>? warn = null,
        string executable = DefaultExecutable, TimeSpan? timeout = null)
    {
        var run = Run(executable, "-Tsvg", writeDot, timeout ?? DefaultTimeout);
        if (run.ExitCode != 0)
        {
            throw new UsageException($"--format svg: '{executable} -Tsvg' exited with code {run.ExitCode}: {FirstLines(run.Error)}");
        }

        if (warn is not null && run.Error.Length > 0)
        {
            warn($"dot: {FirstLines(run.Error)}");
        }

        return run.Output;
    }

    private sealed record Result(int ExitCode, string Output, string Error);

    private static Result Run(string executable, string argument, Action<TextWriter> writeInput, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new UsageException($"--format svg: '{executable}' did not start; {InstallHint}");
        }
        catch (Win32Exception ex)
        {
            throw new UsageException($"--format svg needs Graphviz: '{executable}' could not be run ({ex.Message}); {InstallHint}");
        }

        using (process)
        {
            // Both pipes are drained while stdin is written: dot may fill its stdout or stderr pipe
            // before it has read all its input, and would then wait for us forever.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            try
            {
                using var input = process.StandardInput;
                writeInput(input);
            }
            catch (IOException)
            {
                // dot stopped reading (a syntax error ends it early); its exit code and stderr say why.
            }

            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new UsageException($"--format svg: '{executable} {argument}' did not finish within {timeout.TotalSeconds:0} s");
            }

            process.WaitForExit();
            return new Result(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
    }

    // dot's diagnostics are multi-line; the CLI reports one line per problem, so keep the first few.
    private static string FirstLines(string text)
    {
        var lines = text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no message)" : string.Join(" / ", lines.Take(3)) + (lines.Length > 3 ? " / ..." : "");
    }
}
