using System.Xml.Linq;
using PciZone.Compliance;

namespace PciZone.Reporting.Tests;

public sealed class JUnitReportWriterTests
{
    [Fact]
    public void Write_SampleReport_ParsesWithCountsMatchingElements()
    {
        var report = SampleReport.Create();
        var doc = XDocument.Parse(Render.As("junit", report));
        var root = doc.Root!;
        root.Name.LocalName.ShouldBe("testsuites");
        var suites = root.Elements("testsuite").ToList();
        suites.Count.ShouldBe(report.Rules.Count + 1);
        foreach (var suite in suites.Append(root))
        {
            var cases = suite.Descendants("testcase").ToList();
            Int(suite, "tests").ShouldBe(cases.Count);
            Int(suite, "failures").ShouldBe(cases.Count(c => c.Element("failure") is not null));
            Int(suite, "skipped").ShouldBe(cases.Count(c => c.Element("skipped") is not null));
            Int(suite, "errors").ShouldBe(cases.Count(c => c.Element("error") is not null));
        }

        Int(root, "tests").ShouldBe(report.Findings.Count + report.Errors.Count);
        Int(root, "failures").ShouldBe(report.Findings.Count(f => f.Status == FindingStatus.Fail));
        Int(root, "skipped").ShouldBe(report.Findings.Count(f => f.Status is FindingStatus.Unknown or FindingStatus.Suppressed));
        Int(root, "errors").ShouldBe(report.Errors.Count);
        var bastion = root.Descendants("testcase").Single(c => (string?)c.Attribute("name") == "module.network.aws_security_group.bastion");
        bastion.Attribute("classname")!.Value.ShouldBe("PCZ-EC2-001");
        bastion.Element("failure")!.Attribute("type")!.Value.ShouldBe("critical");
        suites[0].Attribute("name")!.Value.ShouldBe("PCZ-CT-001 A multi-region CloudTrail trail records management events");
    }

    [Fact]
    public void Write_MarkupAndControlCharacters_EscapedAndParseable()
    {
        const string Message = "<b>&\"'</b> bell\u0007 tab\t ]]> done";
        var report = SampleReport.Build([SampleReport.F(SampleRules.S3PublicAccess, FindingStatus.Fail, "aws_s3_bucket.<x>", "aws_s3_bucket", "a&b.tf", 1, Message)]);
        var failure = XDocument.Parse(Render.As("junit", report)).Descendants("failure").Single();
        failure.Attribute("message")!.Value.ShouldBe(Message.Replace('\u0007', '\uFFFD'));
        failure.Parent!.Attribute("name")!.Value.ShouldBe("aws_s3_bucket.<x>");
    }

    [Fact]
    public void Write_TwoFindingsSameRuleAndResource_OneCaseWorstOutcome()
    {
        var report = SampleReport.Build(
        [
            SampleReport.F(SampleRules.S3PublicAccess, FindingStatus.Pass, "aws_s3_bucket.a", "aws_s3_bucket", "a.tf", 1, "ok"),
            SampleReport.F(SampleRules.S3PublicAccess, FindingStatus.Fail, "aws_s3_bucket.a", "aws_s3_bucket", "b.tf", 2, "bad"),
        ]);
        var cases = XDocument.Parse(Render.As("junit", report)).Descendants("testcase")
            .Where(c => (string?)c.Attribute("classname") == "PCZ-S3-002").ToList();
        cases.Count.ShouldBe(1);
        cases[0].Element("failure")!.Attribute("message")!.Value.ShouldBe("bad");
    }

    private static int Int(XElement e, string attribute) => int.Parse(e.Attribute(attribute)!.Value, System.Globalization.CultureInfo.InvariantCulture);
}
