using System.CommandLine;

namespace PciZone.Cli.MonitorCmd;

/// <summary>The options of <c>monitor run</c>, read once into a <see cref="RunRequest"/>.</summary>
internal sealed class RunOptions
{
    private readonly Option<string> _from = new("--from") { Description = "A folder of CloudTrail log files (the AWSLogs/... layout, gzip or plain JSON).", HelpName = "DIR" };
    private readonly Option<string> _s3 = new("--s3") { Description = "Read every log file under an S3 prefix once (backfill).", HelpName = "s3://BUCKET/PREFIX" };
    private readonly Option<string> _queue = new("--queue") { Description = "An SQS queue URL receiving the S3 event notifications of the log bucket.", HelpName = "URL" };
    private readonly Option<string> _dlq = new("--dead-letter-queue") { Description = "Where poison messages go after --max-receives tries (an SQS queue URL).", HelpName = "URL" };
    private readonly Option<string> _dlDir = new("--dead-letter-dir") { Description = "Where poison messages go when no dead-letter queue is given. [default: dead-letter/ beside the store]", HelpName = "DIR" };
    private readonly Option<int?> _maxReceives = new("--max-receives") { Description = "Tries before a message is dead-lettered. [default: 5]", HelpName = "N" };
    private readonly Option<string> _endpoint = new("--endpoint-url") { Description = "S3 and SQS endpoint instead of AWS's (a local emulator or a VPC endpoint).", HelpName = "URL" };
    private readonly Option<string> _region = new("--region") { Description = "AWS region of the queue and bucket. [default: from the queue URL or AWS_REGION]", HelpName = "REGION" };
    private readonly Option<bool> _follow = new("--follow") { Description = "Keep running: poll the folder or the queue for new files (stop with Ctrl-C)." };
    private readonly Option<double?> _poll = new("--poll-interval") { Description = "Seconds between polls of a followed folder; a file is read once two polls see it unchanged. [default: 5]", HelpName = "SECONDS" };
    private readonly Option<string> _store = new("--store") { Description = $"Incident store (SQLite). [default: monitor.store of the config, else {MonitorSettings.DefaultStore}]", HelpName = "FILE" };
    private readonly Option<string> _jsonl = new("--jsonl") { Description = "Also append alerts as JSON lines to FILE ('-': standard output instead of the console lines).", HelpName = "FILE" };
    private readonly Option<string> _webhook = new("--webhook") { Description = "POST alerts to this URL (with retries); replaces monitor.webhook.url.", HelpName = "URL" };
    private readonly Option<string[]> _rules = new("--rules") { Description = "Extra rule files or folders (repeatable), besides the built-in pack.", HelpName = "PATH" };
    private readonly Option<string[]> _placeholders = new("--placeholders") { Description = "YAML file of placeholder values for |expand rules (repeatable; adds to monitor.placeholders).", HelpName = "FILE" };
    private readonly Option<string> _consumer = new("--consumer-id") { Description = "Name of this consumer in the store. [default: the host name]", HelpName = "NAME" };
    private readonly Option<bool> _history = new("--new-sink-history") { Description = "A sink used for the first time (a new --jsonl file or --webhook URL) also gets every alert stored before; by default it gets only alerts from then on." };
    private readonly Option<string> _config = new("--config") { Description = "Config file with a monitor: section instead of the .pcizone.yaml found from the --from folder (else the working directory) upward.", HelpName = "FILE" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _from, _s3, _queue, _dlq, _dlDir, _maxReceives, _endpoint, _region, _follow, _poll, _store, _jsonl, _webhook, _rules, _placeholders, _consumer, _history, _config })
        {
            command.Options.Add(option);
        }
    }

    public RunRequest Read(ParseResult p)
    {
        var req = new RunRequest(p.GetValue(_from), p.GetValue(_s3), p.GetValue(_queue), p.GetValue(_dlq), p.GetValue(_dlDir), p.GetValue(_maxReceives),
            p.GetValue(_endpoint), p.GetValue(_region), p.GetValue(_follow), p.GetValue(_store), p.GetValue(_jsonl), p.GetValue(_webhook),
            p.GetValue(_rules) ?? [], p.GetValue(_placeholders) ?? [], p.GetValue(_consumer), p.GetValue(_config), p.GetValue(_poll), p.GetValue(_history));
        var sources = new[] { req.From, req.S3, req.Queue }.Count(s => s is not null);
        if (sources != 1)
        {
            throw new UsageException("monitor run: give exactly one of --from DIR, --s3 s3://BUCKET/PREFIX, --queue URL");
        }

        if (req.S3 is not null && req.Follow)
        {
            throw new UsageException("monitor run: --s3 reads a prefix once; use --queue for new files");
        }

        if (req.Queue is null && (req.DeadLetterQueue ?? req.DeadLetterDir) is not null)
        {
            throw new UsageException("monitor run: --dead-letter-queue and --dead-letter-dir apply to --queue only");
        }

        if (req.Webhook is { } w && (!Uri.TryCreate(w, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw new UsageException($"--webhook: '{w}' is not an http(s) URL");
        }

        if (req.PollSeconds is { } poll && (double.IsNaN(poll) || poll is < 0.05 or > 3600))
        {
            throw new UsageException("--poll-interval: give seconds from 0.05 to 3600");
        }

        if (req.MaxReceives is < 1)
        {
            throw new UsageException("--max-receives: must be at least 1");
        }

        return req;
    }
}

/// <summary>One <c>monitor run</c> invocation.</summary>
internal sealed record RunRequest(
    string? From, string? S3, string? Queue, string? DeadLetterQueue, string? DeadLetterDir, int? MaxReceives,
    string? EndpointUrl, string? Region, bool Follow, string? Store, string? JsonLines, string? Webhook,
    IReadOnlyList<string> Rules, IReadOnlyList<string> Placeholders, string? ConsumerId, string? Config, double? PollSeconds, bool NewSinkHistory);
