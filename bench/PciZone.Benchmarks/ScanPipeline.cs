using System.Text;
using PciZone.Compliance;
using PciZone.Estate;
using PciZone.Ingest;
using PciZone.Reporting;
using PciZone.Rules;

namespace PciZone.Benchmarks;

/// <summary>
/// The steps of <c>pcizone scan PLAN --format sarif</c>, taken the way the CLI's scan runner takes
/// them (src/PciZone.Cli/Scan/ScanRunner.cs), so that a benchmark measures what a user waits for.
/// </summary>
internal static class ScanPipeline
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static IReportWriter Sarif { get; } =
        ReportWriters.Find("sarif") ?? throw new InvalidOperationException("no sarif report writer is registered");

    public static RuleEngine Engine() => new(RulePack.BuiltIn, ComplianceMapping.PciDss401, TimeProvider.System);

    public static LoadResult Load(string plan) => InputLoader.Load([plan]);

    public static IReadOnlyList<Finding> Evaluate(RuleEngine engine, AwsEstate estate) => engine.Run(estate, RuleSelection.All);

    public static ScanReport Report(LoadResult load, RuleEngine engine, IReadOnlyList<Finding> findings) =>
        new(
            "0.0.0-bench",
            findings,
            engine.Select(RuleSelection.All).Select(r => r.Descriptor).ToList(),
            load.Inputs.Select(i => new ScannedInput(i.Path, i.Format == InputFormat.TerraformPlan ? "terraform-plan" : "cloudformation", i.ResourceCount)).ToList(),
            load.Skipped.Select(s => new SkippedInput(s.Path, s.Reason)).ToList(),
            load.Errors.Select(e => new ReportError(e.File, e.Line, e.Message)).ToList(),
            RequirementCatalogue.PciDss401);

    /// <summary>Writes SARIF through a UTF-8 writer, as the CLI does for <c>--format sarif=FILE</c>; returns bytes written.</summary>
    public static long WriteSarif(ScanReport report, Stream target)
    {
        using var counting = new CountingStream(target);
        using (var writer = new StreamWriter(counting, Utf8NoBom, 1 << 16, leaveOpen: true))
        {
            Sarif.Write(report, writer);
        }

        return counting.Written;
    }

    /// <summary>Read, model, all rules, SARIF: one full scan. Returns the number of findings.</summary>
    public static int Scan(string plan, Stream sarifTarget)
    {
        var load = Load(plan);
        var engine = Engine();
        var findings = Evaluate(engine, load.Estate);
        WriteSarif(Report(load, engine, findings), sarifTarget);
        return findings.Count;
    }
}

/// <summary>A write-only pass-through stream that counts bytes (SARIF size without keeping it).</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position
    {
        get => Written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Written += count;
        inner.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Written += buffer.Length;
        inner.Write(buffer);
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
