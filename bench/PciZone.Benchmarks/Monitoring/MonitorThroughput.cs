using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Detection;
using PciZone.Monitoring.Pipeline;
using PciZone.Monitoring.Rules;

namespace PciZone.Benchmarks.Monitoring;

/// <summary>
/// gzip + parse + every built-in rule over synthetic CloudTrail files held in memory, on one thread:
/// the detector's share of <c>pcizone monitor</c>. The de-duplication window is reset before each
/// invocation so that every record is evaluated, never dropped as a repeat.
/// </summary>
[Config(typeof(MonitorConfig))]
public class MonitorThroughput
{
    // The names of src/PciZone.Monitoring/Rules/test-placeholders.yaml, so that |expand rules load.
    private static readonly Dictionary<string, IReadOnlyList<string>> Placeholders = new()
    {
        ["log_buckets"] = ["org-cloudtrail-logs-111122223333", "org-access-logs-111122223333"],
        ["log_readers"] = ["arn:aws:iam::111122223333:role/security-audit", "arn:aws:iam::111122223333:role/siem-ingest"],
        ["cde_buckets"] = ["pcz-cardholder-data-111122223333", "pcz-payment-exports-111122223333"],
        ["cde_tables"] = ["payment-tokens", "cardholder-profiles"],
        ["cde_keys"] = ["arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
        ["cde_secrets"] = ["prod/payments/db-credentials", "/payments/prod/tokenisation-key"],
        ["cde_readers"] = ["arn:aws:iam::111122223333:role/payment-api", "arn:aws:iam::111122223333:role/settlement-batch"],
    };

    private List<byte[]> _files = [];
    private IEventDetector _detector = null!;
    private byte[] _empty = [];
    private readonly List<Alert> _alerts = [];

    /// <summary>Records processed per invocation (files of 1,000).</summary>
    [Params(20_000)]
    public int Events { get; set; }

    public int Rules { get; private set; }

    /// <summary>Compressed and uncompressed bytes of the corpus, to state what a record weighs.</summary>
    public (long Gzip, long Json) CorpusBytes()
    {
        long json = 0;
        foreach (var f in _files)
        {
            using var gz = new System.IO.Compression.GZipStream(new MemoryStream(f), System.IO.Compression.CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gz.CopyTo(plain);
            json += plain.Length;
        }

        return (_files.Sum(f => (long)f.Length), json);
    }

    /// <summary>Alerts of the last invocation: a benchmark that raises none measures rules that never fire.</summary>
    public int AlertCount => _alerts.Count;

    [GlobalSetup]
    public void Setup()
    {
        _files = CloudTrailCorpus.Files(Events / 1000);
        var rules = MonitorRules.Load(true, [], Placeholders);
        if (rules.Errors.Count > 0)
        {
            throw new InvalidOperationException("built-in rules do not load: " + rules.Errors[0]);
        }

        if (rules.Inactive.Count > 0)
        {
            throw new InvalidOperationException("the benchmark must run the whole pack; waiting for placeholders: " + rules.Inactive[0].Id);
        }

        Rules = rules.Rules.Count;
        _detector = MonitorDetector.Create(rules);
        _empty = _detector.SaveState();
    }

    [IterationSetup]
    public void Reset() => _detector.LoadState(_empty);

    [Benchmark]
    public long ProcessFiles()
    {
        long records = 0;
        _alerts.Clear();
        for (var i = 0; i < _files.Count; i++)
        {
            var result = _detector.Process(new MemoryStream(_files[i], writable: false), "bench/" + i.ToString(CultureInfo.InvariantCulture), _alerts);
            records += result.Records;
        }

        return records;
    }
}

/// <summary>
/// The scan benchmarks' settings (one launch, the CLI's runtime), ten measured invocations, after 20 warm-ups:
/// a monitor runs for hours, and the tiered JIT needs about 1.5 s of records (ten invocations here, which
/// run at 135,000 events/s in tier-0 code) before the per-record code is optimised (--monitor-loop shows it).
/// </summary>
public sealed class MonitorConfig() : BenchConfig("Monitor", 20, 10,
    new PerSecondColumn("Events", "Events/s", "CloudTrail records per second of mean time (Events / Mean), one thread"));
