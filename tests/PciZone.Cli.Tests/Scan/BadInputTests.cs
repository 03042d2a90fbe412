using System.Diagnostics;
using System.Text;
using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.Scan;

/// <summary>
/// Every broken input ends in exactly one stderr line naming the file (and line where there is one),
/// exit code 3, no stack trace, and the good input of the same scan is still scanned and reported.
/// </summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string, int> SmallBadInputs => new()
    {
        { "malformed.json", "{\n  \"Resources\": {\n    \"A\": [1, 2,\n", 0 },
        { "malformed.yaml", "Resources:\n  Bucket:\n    Type: [unclosed\n    Properties: {}\n", 0 },
        { "neither.json", "{\"hello\": \"world\"}\n", 0 },
        { "future-plan.json", "{\"format_version\": \"9.9\", \"terraform_version\": \"1.11.4\", \"planned_values\": {}}\n", 0 },
        { "unknown-tag.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Frobnicate card-data\n", 5 },
    };

    [Theory]
    [MemberData(nameof(SmallBadInputs))]
    public void Scan_BadInput_OneLineErrorExit3AndGoodFileStillReported(string name, string content, int line)
    {
        using var dir = new TempDir();
        var bad = dir.Write(name, content);

        AssertBadInputHandled(dir, bad, line);
    }

    [Fact]
    public void Scan_YamlAliasBomb_RefusedQuickly()
    {
        var sb = new StringBuilder("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            sb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        sb.Append("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *a9\n");
        using var dir = new TempDir();
        var bad = dir.Write("bomb.yaml", sb.ToString());

        var clock = Stopwatch.StartNew();
        AssertBadInputHandled(dir, bad, 0);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Scan_HundredMegabyteFile_ErrorNotCrash()
    {
        using var dir = new TempDir();
        var bad = dir.PathOf("huge.json");
        using (var stream = File.Create(bad))
        {
            var block = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));
            for (var i = 0; i < 100; i++)
            {
                stream.Write(block);
            }
        }

        AssertBadInputHandled(dir, bad, 0);
    }

    [Fact]
    public void Scan_DeeplyNestedJson_ErrorNotStackOverflow()
    {
        using var dir = new TempDir();
        var nested = new string('[', 10_000) + new string(']', 10_000);
        var bad = dir.Write("deep.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": " + nested + "}\n");

        AssertBadInputHandled(dir, bad, 0);
    }

    [Fact]
    public void Scan_DeeplyNestedYaml_ErrorNotStackOverflow()
    {
        using var dir = new TempDir();
        var nested = new string('[', 10_000) + new string(']', 10_000);
        var bad = dir.Write("deep.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: " + nested + "\n");

        AssertBadInputHandled(dir, bad, 0);
    }

    [Fact]
    public void Scan_BadFileInsideScannedDirectory_OtherFilesStillReported()
    {
        using var dir = new TempDir();
        dir.Write("stack/good.yaml", Templates.FailingBucket);
        var bad = dir.Write("stack/broken.json", "{\"Resources\": {");

        var result = Pcizone.Run("scan", dir.PathOf("stack"), "--rule", Templates.Rule, "--format", "csv");

        result.ExitCode.ShouldBe(3, result.Error);
        result.Out.ShouldContain(Templates.FailingAddress);
        result.ErrorLines.Count(l => l.Contains(bad, StringComparison.Ordinal)).ShouldBe(1);
    }

    /// <param name="line">Expected line in the message, or 0 when any (or no) line is acceptable.</param>
    private static void AssertBadInputHandled(TempDir dir, string bad, int line)
    {
        var good = dir.Write("good.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", bad, good, "--rule", Templates.Rule, "--format", "csv");

        result.ExitCode.ShouldBe(3, result.Error);
        result.Out.ShouldContain(Templates.FailingAddress);
        result.Error.ShouldNotContain("   at ");
        var about = result.ErrorLines.Where(l => l.Contains(bad, StringComparison.Ordinal)).ToList();
        about.ShouldHaveSingleItem(result.Error);
        if (line > 0)
        {
            about[0].ShouldContain($"{bad}:{line}:");
        }

        result.ErrorLines.Where(l => l.Contains(good, StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
