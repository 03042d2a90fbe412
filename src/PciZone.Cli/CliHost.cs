namespace PciZone.Cli;

/// <summary>
/// What the CLI may touch outside itself: its two output streams, the environment and the clock.
/// Tests build one with string writers and a dictionary; <see cref="FromProcess"/> builds the real one.
/// </summary>
internal sealed record CliHost(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> Environment,
    bool OutputIsTerminal,
    TimeProvider Time)
{
    /// <summary>
    /// The real console and environment of this process. Stdout is buffered (reports can be large and
    /// Console.Out flushes on every write); the caller flushes it once at the end.
    /// </summary>
    public static CliHost FromProcess() => new(
        new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = false },
        Console.Error,
        System.Environment.GetEnvironmentVariable,
        !Console.IsOutputRedirected,
        TimeProvider.System);

    /// <summary>
    /// Colour and tables only on a terminal, never in CI, never when NO_COLOR is set (no-color.org:
    /// any non-empty value disables colour).
    /// </summary>
    public bool UseRichOutput =>
        OutputIsTerminal
        && string.IsNullOrEmpty(Environment("NO_COLOR"))
        && !string.Equals(Environment("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes one diagnostic line to stderr; embedded line breaks are flattened so each message stays one line.</summary>
    public void Log(string message) => Error.WriteLine("pcizone: " + OneLine(message));

    /// <summary>Collapses a message to a single line.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
