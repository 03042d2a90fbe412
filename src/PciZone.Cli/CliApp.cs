using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using PciZone.Cli.ComplianceCmd;
using PciZone.Cli.DiffCmd;
using PciZone.Cli.LandingZoneCmd;
using PciZone.Cli.RulesCmd;
using PciZone.Cli.Scan;

namespace PciZone.Cli;

/// <summary>
/// The composition root: builds the command tree and runs it. Every path out of here is an exit code
/// and at most one line per problem on stderr; no exception reaches the user as a stack trace.
/// </summary>
internal static class CliApp
{
    /// <summary>Help wraps at a fixed width so the approved help snapshot does not depend on the terminal.</summary>
    private const int HelpWidth = 100;

    /// <summary>The tool version (assembly informational version, without build metadata).</summary>
    public static string Version { get; } =
        (typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    /// <summary>Parses and runs one command line; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args, CliHost host)
    {
        try
        {
            var root = BuildRoot(host);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not ExitCodeHelpAction)
            {
                foreach (var error in parse.Errors)
                {
                    host.Log(error.Message);
                }

                host.Log("run 'pcizone --help' for usage");
                return ExitCodes.Usage;
            }

            if (parse.Action is ExitCodeHelpAction)
            {
                // Help is rendered into a buffer so that the wrapped lines lose their trailing blanks.
                using var buffer = new StringWriter();
                var code = Invoke(parse, buffer, host.Error);
                foreach (var line in buffer.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
                {
                    host.Out.WriteLine(line.TrimEnd());
                }

                return code;
            }

            return Invoke(parse, host.Out, host.Error);
        }
        catch (UsageException ex)
        {
            host.Log(ex.Message);
            return ExitCodes.Usage;
        }
        catch (Exception ex)
        {
            // Last line of defence: a bug or an unforeseen input must still end in one line, not a trace.
            host.Log($"internal error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.InputError;
        }
    }

    private static int Invoke(ParseResult parse, TextWriter output, TextWriter error) =>
        parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });

    /// <summary>The command tree. The root is named explicitly: the executable name differs under dotnet run and tests.</summary>
    internal static Command BuildRoot(CliHost host)
    {
        var root = new Command("pcizone", "Scans Terraform plan JSON and CloudFormation templates for PCI DSS v4.0.1 gaps.");
        var help = new HelpOption();
        var defaultHelp = (HelpAction)help.Action!;
        defaultHelp.MaxWidth = HelpWidth;
        help.Action = new ExitCodeHelpAction(defaultHelp);
        root.Options.Add(help);
        var version = new VersionOption { Action = new VersionAction() };
        root.Options.Add(version);
        root.Subcommands.Add(ScanCommand.Build(host));
        root.Subcommands.Add(RulesCommand.Build(host));
        root.Subcommands.Add(DiffCommand.Build(host));
        root.Subcommands.Add(ComplianceCommand.Build(host));
        root.Subcommands.Add(LandingZoneCommand.Build(host));
        root.Subcommands.Add(ScopeCmd.ScopeCommand.Build(host));
        root.Subcommands.Add(MonitorCmd.MonitorCommand.Build(host));
        root.Subcommands.Add(VaultCmd.VaultCommand.Build(host));
        root.SetAction(parse =>
        {
            host.Log("a command is required (scan, rules, diff, compliance, landing-zone, scope, monitor, vault)");
            host.Log("run 'pcizone --help' for usage");
            return ExitCodes.Usage;
        });
        return root;
    }

    /// <summary>Default help followed by the exit-code table, for the root and the scan command.</summary>
    private sealed class ExitCodeHelpAction(HelpAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            inner.Invoke(parseResult);
            if (parseResult.CommandResult.Command.Name is "pcizone" or "scan")
            {
                parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.HelpText);
            }

            return ExitCodes.Ok;
        }
    }

    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Ok;
        }
    }
}
