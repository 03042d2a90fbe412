namespace PciZone.Reporting.Tests;

public sealed class SnapshotTests
{
    [Theory]
    [InlineData("table", "txt")]
    [InlineData("json", "json")]
    [InlineData("sarif", "sarif")]
    [InlineData("junit", "xml")]
    [InlineData("csv", "csv")]
    public void Write_SampleReport_MatchesApprovedSnapshot(string format, string extension) =>
        Approvals.Verify("sample", extension, Render.As(format, SampleReport.Create()));

    [Theory]
    [InlineData("table", "txt")]
    [InlineData("json", "json")]
    [InlineData("sarif", "sarif")]
    [InlineData("junit", "xml")]
    [InlineData("csv", "csv")]
    public void Write_EmptyReport_MatchesApprovedSnapshot(string format, string extension)
    {
        var empty = SampleReport.Build([]) with { Skipped = [], Errors = [] };
        Approvals.Verify("empty", extension, Render.As(format, empty));
    }

    [Fact]
    public void Write_SameReportTwice_GivesSameText()
    {
        foreach (var writer in ReportWriters.All)
        {
            Render.As(writer.Name, SampleReport.Create()).ShouldBe(Render.As(writer.Name, SampleReport.Create()), writer.Name);
        }
    }

    [Fact]
    public void Find_NameInAnyCase_ReturnsWriterAndUnknownReturnsNull()
    {
        ReportWriters.All.Select(w => w.Name).ShouldBe(["table", "json", "sarif", "junit", "csv"]);
        ReportWriters.Find("SARIF")!.Name.ShouldBe("sarif");
        ReportWriters.Find("html").ShouldBeNull();
    }
}
