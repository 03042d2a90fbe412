using System.CommandLine;

namespace PciZone.Cli.VaultCmd;

/// <summary><c>pcizone vault serve|audit|keys</c>: the card-number tokenisation service and its evidence.</summary>
internal static class VaultCommand
{
    public static Command Build(CliHost host)
    {
        var command = new Command("vault", "Card-number tokenisation service (FF1 and random tokens, envelope keys, roles, hash-chained audit).");
        command.Subcommands.Add(VaultServeCommand.Build(host));
        command.Subcommands.Add(VaultAuditCommand.Build(host));
        command.Subcommands.Add(VaultKeysCommand.Build(host));
        command.SetAction(_ =>
        {
            host.Log("a vault command is required (serve, audit, keys)");
            return ExitCodes.Usage;
        });
        return command;
    }
}
