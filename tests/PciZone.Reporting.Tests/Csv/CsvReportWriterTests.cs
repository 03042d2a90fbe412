using System.Text;
using PciZone.Compliance;

namespace PciZone.Reporting.Tests;

public sealed class CsvReportWriterTests
{
    [Fact]
    public void Write_AwkwardMessages_RoundTripThroughRfc4180Parser()
    {
        string[] messages =
        [
            "plain",
            "comma, inside",
            "quote \"here\" and \"\"double\"\"",
            "line one\nline two",
            "crlf\r\nnext",
            " leading and trailing spaces ",
            "",
            "\"",
        ];
        var findings = messages.Select((m, i) => SampleReport.F(
            SampleRules.S3Encrypted, FindingStatus.Suppressed, $"aws_s3_bucket.b{i}", "aws_s3_bucket", "dir, with comma/main.tf", i, m, $"reason {i}, \"quoted\""));
        var report = SampleReport.Build(findings);

        var rows = Parse(Render.As("csv", report));

        rows[0].ShouldBe(CsvReportWriter.Header.Split(','));
        rows.Count.ShouldBe(messages.Length + 1);
        for (var i = 0; i < report.Findings.Count; i++)
        {
            var f = report.Findings[i];
            rows[i + 1].ShouldBe([f.RuleId, "suppressed", "high", "3.5.1", f.ResourceAddress, "aws_s3_bucket", "dir, with comma/main.tf",
                f.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Message, f.Rule.Title, f.SuppressionReason!]);
        }
    }

    [Fact]
    public void Write_SampleReport_HasOneRowPerFindingIncludingPasses()
    {
        var report = SampleReport.Create();
        var rows = Parse(Render.As("csv", report));
        rows.Count.ShouldBe(report.Findings.Count + 1);
        rows.Count(r => r[1] == "pass").ShouldBe(report.Findings.Count(f => f.Status == FindingStatus.Pass));
        rows.Single(r => r[4] == "module.audit.aws_cloudtrail.main")[3].ShouldBe("10.2.1;10.3.3");
    }

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("a\rb", "\"a\rb\"")]
    public void Field_SpecialCharacters_QuotedOnlyWhenNeeded(string value, string expected)
    {
        var sw = new StringWriter();
        CsvReportWriter.Field(sw, value);
        sw.ToString().ShouldBe(expected);
    }

    /// <summary>A strict RFC 4180 reader: records end in CRLF; quoted fields may hold anything.</summary>
    private static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }
            }
            else if (text[i] == ',')
            {
                row.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r' && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i += 2;
            }
            else
            {
                text[i].ShouldNotBeOneOf('"', '\r', '\n');
                field.Append(text[i++]);
            }
        }

        row.ShouldBeEmpty("file must end with CRLF");
        return rows;
    }
}
