using System.Diagnostics;
using PciZone.Compliance;

namespace PciZone.Reporting.Tests;

public sealed class SarifScaleTests
{
    [Fact]
    public void Write_100kFindings_StreamsEveryResultInBoundedTime()
    {
        var rules = new[] { SampleRules.S3PublicAccess, SampleRules.S3Encrypted, SampleRules.KmsRotation };
        var findings = Enumerable.Range(0, 100_000).Select(i => SampleReport.F(
            rules[i % 3], (FindingStatus)(i % 4), $"module.m{i % 50}.aws_s3_bucket.b{i}", "aws_s3_bucket", $"modules/m{i % 50}/main.tf", (i % 300) + 1,
            $"Finding number {i} with a message of ordinary length for a rule."));
        var report = SampleReport.Build(findings);
        var counter = new CountingWriter();

        var clock = Stopwatch.StartNew();
        ReportWriters.Find("sarif")!.Write(report, counter);
        clock.Stop();

        counter.Count("\"ruleIndex\"").ShouldBe(75_000);
        // A generous bound: it only catches accidental quadratic work, not ordinary noise.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    /// <summary>Counts one marker across chunk boundaries without keeping the text.</summary>
    private sealed class CountingWriter : TextWriter
    {
        private readonly System.Text.StringBuilder _tail = new();
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal) { ["\"ruleIndex\""] = 0 };

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public int Count(string marker) => _counts[marker];

        public override void Write(char value) => Write([value], 0, 1);

        public override void Write(char[] buffer, int index, int count)
        {
            _tail.Append(buffer, index, count);
            var text = _tail.ToString();
            foreach (var marker in _counts.Keys.ToList())
            {
                var at = 0;
                while ((at = text.IndexOf(marker, at, StringComparison.Ordinal)) >= 0)
                {
                    _counts[marker]++;
                    at += marker.Length;
                }
            }

            // Keep a marker-length tail so a marker split across two chunks is still seen once.
            var keep = Math.Min(text.Length, 10);
            _tail.Clear().Append(text, text.Length - keep, keep);
        }
    }
}

public sealed class JsonTextSinkTests
{
    [Theory]
    [InlineData("sarif")]
    [InlineData("json")]
    public void Write_ThroughUtf8StreamWriter_GivesTheSameBytesAsThroughText(string format)
    {
        // The byte path skips decoding for UTF-8 stream writers; it must not change one byte, also across
        // drain boundaries and for non-ASCII text, and text written before the report must stay in front.
        var findings = Enumerable.Range(0, 3_000).Select(i => SampleReport.F(
            SampleRules.KmsRotation, FindingStatus.Fail, $"aws_kms_key.k{i}", "aws_kms_key", "keys.tf", i + 1,
            $"Schlüssel {i} dreht nicht — rotation off ✓ {new string('x', i % 97)}")).ToList();
        var report = SampleReport.Build(findings);
        var expected = "prefix\n" + Render.As(format, report);

        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1024, leaveOpen: true))
        {
            writer.Write("prefix\n");
            ReportWriters.Find(format)!.Write(report, writer);
        }

        System.Text.Encoding.UTF8.GetString(stream.ToArray()).ShouldBe(expected);
        stream.Length.ShouldBeGreaterThan(64 * 1024 * 2);
    }
}
