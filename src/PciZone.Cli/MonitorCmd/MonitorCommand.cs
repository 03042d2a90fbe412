using System.CommandLine;

namespace PciZone.Cli.MonitorCmd;

/// <summary>
/// <c>pcizone monitor run|incidents|rules</c>: CloudTrail detections for the PCI DSS 10.2.1 events, from a
/// folder, an S3 prefix or S3 event notifications on SQS, with an incident store.
/// </summary>
internal static class MonitorCommand
{
    public static Command Build(CliHost host)
    {
        var command = new Command("monitor", "CloudTrail detections for PCI DSS 10.2.1 events and log silence, with an incident store.");
        command.Subcommands.Add(MonitorRunCommand.Build(host));
        command.Subcommands.Add(IncidentsCommand.Build(host));
        command.Subcommands.Add(MonitorRulesCommand.Build(host));
        command.SetAction(_ =>
        {
            host.Log("a monitor command is required (run, incidents, rules)");
            return ExitCodes.Usage;
        });
        return command;
    }
}
