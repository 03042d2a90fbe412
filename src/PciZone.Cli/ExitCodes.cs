namespace PciZone.Cli;

/// <summary>The process exit codes; CI systems branch on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing failed at or above the gate.</summary>
    public const int Ok = 0;

    /// <summary>At least one failure at or above the gate.</summary>
    public const int FindingsAtGate = 1;

    /// <summary>Usage or configuration error; nothing was scanned.</summary>
    public const int Usage = 2;

    /// <summary>An input could not be read; the rest was scanned and reported. Wins over 1.</summary>
    public const int InputError = 3;

    /// <summary>The exit-code table printed by --help and documented in docs/cli.md.</summary>
    public const string HelpText =
        """
        Exit codes:
          0  nothing failed at or above the --fail-on gate
          1  at least one failure at or above the gate
          2  usage or configuration error (nothing was scanned)
          3  an input could not be read; the rest was scanned and reported (wins over 1)
        """;
}

/// <summary>A usage or configuration problem: reported as one line on stderr, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
