using PciZone.Compliance;

namespace PciZone.Reporting.Tests;

public sealed class TableReportWriterTests
{
    [Fact]
    public void Write_SampleReport_GroupsUnderRequirementsInCatalogueOrder()
    {
        var lines = Lines(SampleReport.Create());
        var findingsSection = Section(lines, "FINDINGS BY REQUIREMENT", "REQUIREMENTS TOUCHED");
        var headings = findingsSection.Where(l => l.Length > 0 && char.IsAsciiDigit(l[0])).Select(l => l.Split("  ")[0]).ToList();

        // 10.x after 3.x: catalogue order, not string order.
        headings.ShouldBe(["1.3.1", "1.4.2", "1.4.4", "3.5.1", "10.2.1", "10.3.3"]);
        var catalogue = RequirementCatalogue.PciDss401;
        headings.Select(h => catalogue.Find(h)!.Order).ShouldBeInOrder();
    }

    [Fact]
    public void Write_FindingWithTwoRequirements_AppearsUnderEachAndPassesAreHidden()
    {
        var text = string.Join('\n', Section(Lines(SampleReport.Create()), "FINDINGS BY REQUIREMENT", "REQUIREMENTS TOUCHED"));
        CountOf(text, "module.network.aws_security_group.bastion").ShouldBe(2);
        text.ShouldNotContain("module.network.aws_security_group.app");
        text.ShouldContain("Suppressed: Public marketing assets");
    }

    [Fact]
    public void Write_SampleReport_SummaryHasPassFailUnknownCountsPerRequirement()
    {
        var summary = Section(Lines(SampleReport.Create()), "REQUIREMENTS TOUCHED", "TOTALS");
        Cells(summary, "1.3.1").ShouldBe(["1", "1", "1", "0"]);
        Cells(summary, "1.4.4").ShouldBe(["1", "2", "0", "0"]);
        Cells(summary, "3.5.1").ShouldBe(["1", "0", "0", "1"]);
        summary.Count(l => l.Length > 2 && char.IsAsciiDigit(l[2])).ShouldBe(6);
    }

    [Fact]
    public void Write_LongAddressesAndMessages_StayWithin120ColumnsWithoutControlCharacters()
    {
        var report = SampleReport.Build(
        [
            SampleReport.F(SampleRules.S3PublicAccess, FindingStatus.Fail, "module.a.module.b.module.c." + new string('x', 150), "aws_s3_bucket", "deep/path/main.tf", 7,
                string.Join(' ', Enumerable.Repeat("word", 80)) + " \u001b[31mred\u001b[0m " + new string('y', 200)),
        ]);
        var text = Render.As("table", report);
        text.Split('\n').ShouldAllBe(l => l.Length <= 120);
        text.ShouldNotContain("\u001b");
        text.ShouldNotContain("\r");
        text.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ShouldContain(new string('y', 200));
    }

    [Fact]
    public void Write_SampleReport_ListsTotalsInputsSkippedAndErrors()
    {
        var text = Render.As("table", SampleReport.Create());
        text.ShouldContain("findings   9 (fail 4, pass 3, unknown 1, suppressed 1)");
        text.ShouldContain("INPUTS READ (2)");
        text.ShouldContain("SKIPPED FILES (1)\n  plans/variables.json\n");
        text.ShouldContain("ERRORS (1)\n  templates/broken.yaml:14\n");
    }

    private static List<string> Lines(ScanReport report) => Render.As("table", report).Split('\n').ToList();

    private static List<string> Section(List<string> lines, string from, string to) =>
        lines.SkipWhile(l => l != from).Skip(1).TakeWhile(l => l != to).ToList();

    private static string[] Cells(List<string> summary, string id) =>
        summary.Single(l => l.StartsWith($"  {id} ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..5];

    private static int CountOf(string text, string value) => text.Split(value).Length - 1;
}
