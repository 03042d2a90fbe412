using System.Diagnostics;
using System.Text;
using PciZone.Ingest.CloudFormation;
using static PciZone.Ingest.Tests.CloudFormation.CfnTestKit;

namespace PciZone.Ingest.Tests.CloudFormation;

public sealed class TemplateSafetyTests
{
    private static InputError OnlyError(FileReadResult result)
    {
        result.Resources.ShouldBeEmpty();
        return result.Errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void Read_UnknownShortFormTag_IsAnErrorWithFileAndLine()
    {
        var error = OnlyError(Read("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Foo bar\n", file: "x.yaml"));

        error.File.ShouldBe("x.yaml");
        error.Line.ShouldBe(5);
        error.Message.ShouldContain("unknown intrinsic function tag !Foo");
    }

    [Theory]
    [InlineData("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName:\n        Fn::Something: x\n", 6)]
    [InlineData("{\"Resources\": {\n \"B\": {\"Type\": \"AWS::S3::Bucket\",\n  \"Properties\": {\"BucketName\":\n   {\"Fn::Something\": \"x\"}}}}}", 4)]
    public void Read_UnknownLongFormFunction_IsAnErrorWithLine(string text, int line)
    {
        var error = OnlyError(Read(text));

        error.Line.ShouldBe(line);
        error.Message.ShouldContain("unknown intrinsic function Fn::Something");
    }

    [Theory]
    [InlineData("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: [unclosed\n  C: x\n", 4)]
    [InlineData("Resources:\n  B:\n    Type: AWS::S3::Bucket\n   Bad: indentation\n", 4)]
    [InlineData("Resources:\n  B: {Type: \"unterminated}\n", 2)]
    public void Read_MalformedYaml_IsOneLineErrorWithLine(string text, int atLeastLine)
    {
        var error = OnlyError(Read(text));

        error.Line.ShouldBeGreaterThanOrEqualTo(atLeastLine, error.ToString());
        error.Message.ShouldStartWith("malformed YAML:");
        error.Message.ShouldNotContain("\n");
        error.Message.ShouldNotContain("(Line:");
    }

    [Fact]
    public void Read_MalformedJson_IsOneLineErrorWithLine()
    {
        var error = OnlyError(Read("{\n  \"Resources\": {\n    \"B\": {\"Type\": \"AWS::S3::Bucket\",}\n  }\n}", file: "x.json"));

        error.Line.ShouldBe(3);
        error.Message.ShouldStartWith("malformed JSON:");
        error.Message.ShouldNotContain("LineNumber");
    }

    [Fact]
    public void Read_TrailingJsonContent_IsAnError()
    {
        OnlyError(Read("{\"Resources\": {}}\n{}")).Message.ShouldStartWith("malformed JSON:");
    }

    [Theory]
    [InlineData("Resources:\n  A: {Type: X}\n  A: {Type: Y}\n", 3)]
    [InlineData("{\"Resources\": {\"A\": {\"Type\": \"X\"},\n \"A\": {\"Type\": \"Y\"}}}", 2)]
    public void Read_DuplicateKey_IsAnErrorWithLine(string text, int line)
    {
        var error = OnlyError(Read(text));

        error.Line.ShouldBe(line);
        error.Message.ShouldContain("duplicate key 'A'");
    }

    [Fact]
    public void Read_AliasBomb_IsRefusedQuickly()
    {
        var sb = new StringBuilder("Resources:\n  B:\n    Type: AWS::S3::Bucket\nBomb:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            sb.Append($"  a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        var clock = Stopwatch.StartNew();
        var error = OnlyError(Read(sb.ToString()));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        error.Message.ShouldContain("alias bomb?");
        error.Line.ShouldBeInRange(6, 16);
    }

    [Fact]
    public void Read_ModestAliasUse_IsAccepted()
    {
        var result = Read("Tags: &t [{Key: a, Value: b}]\nResources:\n  B:\n    Type: Custom::Thing\n    Properties:\n      Tags: *t\n");

        result.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_DeepNesting_IsAnErrorWithLine(bool json)
    {
        const int depth = 200;
        var text = json
            ? "{\"Resources\": " + string.Concat(Enumerable.Repeat("\n[", depth)) + string.Concat(Enumerable.Repeat("]", depth)) + "}"
            : "Resources: " + string.Concat(Enumerable.Repeat("\n [", depth)) + string.Concat(Enumerable.Repeat("]", depth)) + "\n";

        var error = OnlyError(Read(text));

        error.Message.ShouldContain("nests deeper than 128");
        error.Line.ShouldBe(129);
    }

    [Fact]
    public void Read_DeepNestingThroughAliases_IsRefused()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100));
        var text = $"A: &deep {deep}\nResources: {string.Concat(Enumerable.Repeat("[", 50))}*deep{string.Concat(Enumerable.Repeat("]", 50))}\n";

        OnlyError(Read(text)).Message.ShouldContain("nests deeper than 128");
    }

    [Fact]
    public void Read_TemplateOver10MB_IsRefusedBeforeParsing()
    {
        var text = new byte[(10 * 1024 * 1024) + 1];
        Array.Fill(text, (byte)'#');

        var error = CloudFormationReader.Read("big.yaml", text, "").Errors.ShouldHaveSingleItem();

        error.Message.ShouldContain("larger than 10 MB are refused");
    }

    [Theory]
    [InlineData("", "template is empty")]
    [InlineData("- a\n- b\n", "not a mapping of sections")]
    [InlineData("Description: x\n", "no Resources mapping")]
    [InlineData("a: 1\n---\nb: 2\n", "more than one YAML document")]
    [InlineData("A: *nowhere\nResources: {}\n", "has no anchor")]
    [InlineData("Resources:\n  A: {Type: X, Properties: {P: !GetAtt Bucket}}\n", "not of the form Resource.Attribute")]
    public void Read_NotATemplate_IsAnError(string text, string message)
    {
        OnlyError(Read(text)).Message.ShouldContain(message);
    }

    [Fact]
    public void Read_BadResourceEntries_AreErrorsWhileTheRestIsRead()
    {
        var result = Read("Resources:\n  NoType:\n    Properties: {}\n  Scalar: x\n  Ok:\n    Type: Custom::Thing\n");

        result.Errors.Select(e => (e.Line, e.Message)).ShouldBe([(2, "resource NoType has no Type"), (4, "resource Scalar is not a mapping")]);
        result.Notes.ShouldContain(n => n.Address == "Ok");
    }

    [Fact]
    public void Read_Utf8BomBeforeJson_IsReadAsJson()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"Resources\": {\"A\": {\"Type\": \"Custom::X\"}}}")).ToArray();

        var result = CloudFormationReader.Read("b.json", bytes, "", new MapperRegistry());

        result.Errors.ShouldBeEmpty();
        result.Notes.ShouldHaveSingleItem().Message.ShouldBe("no model for Custom::X; not checked");
    }
}
