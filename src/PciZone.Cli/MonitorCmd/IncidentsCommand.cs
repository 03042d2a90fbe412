using System.CommandLine;
using System.Globalization;
using PciZone.Monitoring.Store;
using PciZone.Monitoring.Store.Incidents;

namespace PciZone.Cli.MonitorCmd;

/// <summary><c>pcizone monitor incidents list|show|ack|resolve</c>: the incident trail (PCI DSS 10.7.2, 12.10).</summary>
internal static class IncidentsCommand
{
    public static Command Build(CliHost host)
    {
        var command = new Command("incidents", "List, show, acknowledge and resolve incidents in the store; every change records who and when.");
        command.Subcommands.Add(List(host));
        command.Subcommands.Add(Show(host));
        command.Subcommands.Add(Change(host, "ack", "Acknowledge an open incident (someone owns it).", IncidentState.Acknowledged));
        command.Subcommands.Add(Change(host, "resolve", "Resolve an open or acknowledged incident.", IncidentState.Resolved));
        command.SetAction(_ =>
        {
            host.Log("an incidents command is required (list, show, ack, resolve)");
            return ExitCodes.Usage;
        });
        return command;
    }

    private static Command List(CliHost host)
    {
        var state = new Option<string>("--state") { Description = "open, acknowledged or resolved. [default: all]", HelpName = "STATE" };
        var rule = new Option<string>("--rule") { Description = "Only incidents of this rule id.", HelpName = "RULE-ID" };
        var since = new Option<string>("--since") { Description = "Only incidents with events at or after this date or time (ISO 8601, UTC).", HelpName = "WHEN" };
        var limit = new Option<int?>("--limit") { Description = "At most this many, newest first.", HelpName = "N" };
        var (store, config, format) = Common();
        var command = new Command("list", "Incidents, newest first.") { state, rule, since, limit, format, store, config };
        command.SetAction((parse, token) => ListAsync(host, Open(parse.GetValue(store), parse.GetValue(config), host),
            new IncidentQuery(ParseState(parse.GetValue(state)), parse.GetValue(rule), ParseSince(parse.GetValue(since)), parse.GetValue(limit)),
            Format(parse.GetValue(format)), token));
        return command;
    }

    private static async Task<int> ListAsync(CliHost host, SqliteMonitorState store, IncidentQuery query, string format, CancellationToken token)
    {
        var incidents = await store.ListIncidentsAsync(query, token).ConfigureAwait(false);
        if (format == "json")
        {
            IncidentText.WriteJson(host.Out, incidents);
        }
        else
        {
            IncidentText.WriteTable(host.Out, incidents);
        }

        return ExitCodes.Ok;
    }

    private static Command Show(CliHost host)
    {
        var id = new Argument<long>("ID") { Description = "The incident number." };
        var (store, config, format) = Common();
        var command = new Command("show", "One incident with its alerts and its history.") { id, format, store, config };
        command.SetAction(async (parse, token) =>
        {
            var detail = await Open(parse.GetValue(store), parse.GetValue(config), host).GetIncidentAsync(parse.GetValue(id), token).ConfigureAwait(false)
                         ?? throw new UsageException($"incident {parse.GetValue(id)} does not exist");
            if (Format(parse.GetValue(format)) == "json")
            {
                IncidentText.WriteJson(host.Out, detail);
            }
            else
            {
                IncidentText.WriteDetail(host.Out, detail);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Change(CliHost host, string name, string description, IncidentState to)
    {
        var id = new Argument<long>("ID") { Description = "The incident number." };
        var by = new Option<string>("--by") { Description = "Who makes the change (name or login). [default: $USER]", HelpName = "WHO" };
        var note = new Option<string>("--note") { Description = "Why, or a ticket reference; kept in the history.", HelpName = "TEXT" };
        var (store, config, _) = Common();
        var command = new Command(name, description) { id, by, note, store, config };
        command.SetAction(async (parse, token) =>
        {
            var actor = parse.GetValue(by) ?? host.Environment("USER") ?? host.Environment("USERNAME");
            if (string.IsNullOrWhiteSpace(actor))
            {
                throw new UsageException($"incidents {name}: --by WHO is required (no USER in the environment)");
            }

            var s = Open(parse.GetValue(store), parse.GetValue(config), host);
            try
            {
                var incident = to == IncidentState.Acknowledged
                    ? await s.AcknowledgeIncidentAsync(parse.GetValue(id), actor, parse.GetValue(note), token).ConfigureAwait(false)
                    : await s.ResolveIncidentAsync(parse.GetValue(id), actor, parse.GetValue(note), token).ConfigureAwait(false);
                host.Out.WriteLine($"incident {incident.Id} is {IncidentText.State(incident.State)} (by {actor})");
                return ExitCodes.Ok;
            }
            catch (IncidentTransitionException ex)
            {
                throw new UsageException(ex.Message);
            }
            catch (KeyNotFoundException)
            {
                throw new UsageException($"incident {parse.GetValue(id)} does not exist");
            }
        });
        return command;
    }

    private static (Option<string> Store, Option<string> Config, Option<string> Format) Common() => (
        new Option<string>("--store") { Description = $"Incident store. [default: monitor.store of the config, else {MonitorSettings.DefaultStore}]", HelpName = "FILE" },
        new Option<string>("--config") { Description = "Config file with a monitor: section.", HelpName = "FILE" },
        new Option<string>("--format", "-f") { Description = "table or json. [default: table]", HelpName = "FORMAT" });

    private static SqliteMonitorState Open(string? store, string? config, CliHost host)
    {
        var path = MonitorSettings.StorePath(store, MonitorSettings.Config(config));
        return File.Exists(path)
            ? SqliteMonitorState.Open(path, null, host.Time)
            : throw new UsageException($"{path}: no incident store here (run 'pcizone monitor run' first, or give --store)");
    }

    private static string Format(string? format) => format switch
    {
        null or "table" => "table",
        "json" => "json",
        _ => throw new UsageException($"--format: '{format}' is not one of table, json"),
    };

    private static IncidentState? ParseState(string? text) => text switch
    {
        null => null,
        "open" => IncidentState.Open,
        "acknowledged" or "ack" => IncidentState.Acknowledged,
        "resolved" => IncidentState.Resolved,
        _ => throw new UsageException($"--state: '{text}' is not one of open, acknowledged, resolved"),
    };

    private static DateTimeOffset? ParseSince(string? text) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when) ? when
        : throw new UsageException($"--since: '{text}' is not a date or time (2026-11-28 or 2026-11-28T10:00:00Z)");
}
