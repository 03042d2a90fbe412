using System.Text;
using PciZone.Ingest.CloudFormation;

namespace PciZone.Ingest.Tests.CloudFormation;

public sealed class ReaderEntryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pcizone-cfn-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: {Type: X}\n", true)]
    [InlineData("Resources :\n  A: {Type: X}\n", true)]
    [InlineData("\"Resources\": {}\n", true)]
    [InlineData("{\n  \"Resources\": {}\n}", true)]
    [InlineData("Metadata:\n  Resources: x\n", false)]
    [InlineData("ResourcesExtra: 1\n", false)]
    [InlineData("name: ci\non: push\n", false)]
    public void LooksLikeTemplate_DecidesByTopLevelResourcesKey(string text, bool expected)
    {
        CloudFormationReader.LooksLikeTemplate(Encoding.UTF8.GetBytes(text)).ShouldBe(expected);
    }

    [Fact]
    public void InputLoaderLoad_OneBrokenTemplate_StillReadsTheOther()
    {
        var broken = Path.Combine(_dir, "broken.yaml");
        var good = Path.Combine(_dir, "good.json");
        File.WriteAllText(broken, "Resources:\n  A:\n    Type: Custom::Thing\n    Properties:\n      X: !Nope 1\n");
        File.WriteAllText(good, "{\"Resources\": {\"B\": {\"Type\": \"Custom::Thing\"}}}");

        var result = InputLoader.Load([broken, good]);

        var error = result.Errors.ShouldHaveSingleItem();
        (error.File, error.Line).ShouldBe((broken, 5));
        error.Message.ShouldContain("!Nope");
        result.Notes.ShouldHaveSingleItem().ShouldBe(new InputNote(good, "B", "no model for Custom::Thing; not checked"));
        result.Inputs.Select(i => i.Path).ShouldContain(good);
    }
}
