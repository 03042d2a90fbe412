using System.CommandLine;
using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Detection;
using PciZone.Monitoring.Pipeline;
using PciZone.Monitoring.Store;

namespace PciZone.Cli.MonitorCmd;

/// <summary>
/// <c>pcizone monitor run --from DIR | --s3 s3://BUCKET/PREFIX | --queue URL [--follow]</c>: reads CloudTrail
/// log files, raises alerts, records incidents. Exit 0 no new alert, 1 new alerts, 2 usage, 3 input problems.
/// </summary>
internal static class MonitorRunCommand
{
    public static Command Build(CliHost host)
    {
        var o = new RunOptions();
        var command = new Command("run", "Read CloudTrail log files (a folder, an S3 prefix, or S3 notifications on SQS), raise alerts and record incidents.");
        o.AddTo(command);
        command.SetAction((parse, token) => RunAsync(host, o.Read(parse), token));
        return command;
    }

    private static async Task<int> RunAsync(CliHost host, RunRequest req, CancellationToken token)
    {
        var config = MonitorSettings.Config(req.Config, req.From is { } from && Directory.Exists(from) ? from : null);
        var rules = MonitorSettings.Rules(config, req.Rules, req.Placeholders);
        if (MonitorSettings.InactiveNotice(rules) is { } notice)
        {
            host.Log("note: " + notice);
        }
        var storePath = MonitorSettings.StorePath(req.Store, config);
        Directory.CreateDirectory(Path.GetDirectoryName(storePath)!);
        using var source = MonitorSources.Create(req, host, storePath);
        var state = SqliteMonitorState.Open(storePath, new SqliteMonitorStateOptions { ConsumerId = req.ConsumerId ?? Environment.MachineName, NewSinksReceiveHistory = req.NewSinkHistory }, host.Time);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var sinks = Sinks(host, req, config, http, out var jsonl);
        using (jsonl)
        {
            var detector = MonitorDetector.Create(rules);
            var runner = new MonitorRunner(source.Source, detector, state, sinks,
                new MonitorRunnerOptions { AdvanceInterval = req.Follow ? TimeSpan.FromMinutes(1) : null }, host.Time);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            var summary = await runner.RunAsync(stop.Token).ConfigureAwait(false);
            RunReport.Write(host, summary, source, rules.Rules.Count, storePath);
            return summary.ProblemCount > 0 || summary.FailedObjects.Count > 0 || source.Problems > 0 ? ExitCodes.InputError
                : summary.AlertsNew > 0 ? ExitCodes.FindingsAtGate
                : ExitCodes.Ok;
        }
    }

    private static List<IAlertSink> Sinks(CliHost host, RunRequest req, Config.MonitorConfig? config, HttpClient http, out IDisposable? jsonl)
    {
        jsonl = null;
        var sinks = new List<IAlertSink>();
        if (req.JsonLines == "-")
        {
            sinks.Add(new JsonLinesSink(host.Out, "stdout-jsonl"));
        }
        else
        {
            sinks.Add(new ConsoleAlertSink(host.Out));
            if (req.JsonLines is { } file)
            {
                var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.Read);
                jsonl = stream;
                sinks.Add(new JsonLinesSink(stream, "jsonl:" + Path.GetFullPath(file)));
            }
        }

        var url = req.Webhook is { } u ? new Uri(u) : config?.Webhook?.Url;
        if (url is not null)
        {
            var secretEnv = config?.Webhook?.SecretEnv;
            var secret = secretEnv is null ? null : host.Environment(secretEnv)
                ?? throw new UsageException($"monitor.webhook.secretEnv: the environment variable {secretEnv} is not set");
            sinks.Add(new WebhookSink(http, new WebhookSinkOptions
            {
                Endpoint = url,
                Name = "webhook:" + url,
                MaxAttempts = config?.Webhook?.MaxAttempts ?? 6,
                SigningSecret = secret,
            }, host.Time));
        }

        return sinks;
    }
}
