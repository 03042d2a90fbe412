using PciZone.Ingest.CloudFormation;
using static PciZone.Ingest.Tests.CloudFormation.CfnTestKit;

namespace PciZone.Ingest.Tests.CloudFormation;

public sealed class TemplateParsingTests
{
    private static FileReadResult ReadFile(string name) =>
        CloudFormationReader.Read(name, File.ReadAllBytes(TestData(name)), "", BucketRegistry());

    [Theory]
    [InlineData("estate.yaml")]
    [InlineData("estate.json")]
    public void Read_EstateTemplate_BuildsTheBucketWithItsPolicyJoined(string name)
    {
        var result = ReadFile(name);

        result.Errors.ShouldBeEmpty();
        var bucket = result.Resources.ShouldHaveSingleItem().ShouldBeOfType<TestBucket>();
        bucket.Address.ShouldBe("Data");
        bucket.SourceType.ShouldBe("AWS::S3::Bucket");
        bucket.Name.Get().ShouldBe("data-prod");
        bucket.Versioning.Get().ShouldBe("Enabled");
        bucket.Tags.ShouldBe(new Dictionary<string, string> { ["env"] = "prod" });
        bucket.JoinedFrom.ShouldBe(["DataPolicy"]);
        var statement = bucket.PolicyStatements.ShouldHaveSingleItem();
        statement.Resources.ShouldBe(["${Data.Arn}/*"]);
        statement.HasWildcardPrincipal.ShouldBeTrue();
        result.Notes.ShouldContain(n => n.Address == "DevOnly" && n.Message.Contains("IsDev", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_YamlAndJsonOfOneEstate_GiveTheSameResources()
    {
        var yaml = ReadFile("estate.yaml");
        var json = ReadFile("estate.json");

        static string Describe(FileReadResult r) => string.Join("\n", r.Resources.Cast<TestBucket>().Select(b =>
            $"{b.Address} {b.SourceType} {b.Name} {b.Versioning} {string.Join(",", b.Tags)} {string.Join(",", b.JoinedFrom)} " +
            string.Join(";", b.PolicyStatements.Select(s => $"{s.Effect} {string.Join(",", s.Actions)} {string.Join(",", s.Resources)}"))));

        Describe(json).ShouldBe(Describe(yaml));
        json.Notes.Select(n => (n.Address, n.Message)).ShouldBe(yaml.Notes.Select(n => (n.Address, n.Message)));
    }

    [Theory]
    [InlineData("estate.yaml", 13, 18, 20)]
    [InlineData("estate.json", 18, 23, 26)]
    public void View_Lines_AreThoseOfTheResourceAndItsProperties(string name, int resourceLine, int statusLine, int tagLine)
    {
        var view = View(File.ReadAllText(TestData(name)), "Data");

        view.Provenance.Line.ShouldBe(resourceLine);
        view.At("VersioningConfiguration.Status").Line.ShouldBe(statusLine);
        view.String("VersioningConfiguration.Status").Source.Line.ShouldBe(statusLine);
        view.Blocks("Tags")[0].Provenance.Line.ShouldBe(tagLine);
        view.At("VersioningConfiguration.Status").Address.ShouldBe("Data.VersioningConfiguration.Status");
    }

    [Fact]
    public void Read_ResourceProvenance_NamesFileLineAndAddress()
    {
        var result = ReadFile("estate.yaml");

        var bucket = result.Resources.ShouldHaveSingleItem();
        bucket.Provenance.ShouldBe(new PciZone.Estate.Provenance("estate.yaml", 13, "Data"));
    }

    [Theory]
    [InlineData("a:\n  bb: c\n", 2, 3)]
    [InlineData("{\n \"a\": {\n     \"bb\": \"c\"}}", 3, 6)]
    public void Parse_NestedKey_HasLineAndColumn(string text, int line, int column)
    {
        var entry = Parse(text).Get("a")!.Entries[0];

        entry.Key.ShouldBe("bb");
        (entry.Line, entry.Column).ShouldBe((line, column));
    }

    [Theory]
    [InlineData("!Ref Env", """{"Ref": "Env"}""")]
    [InlineData("!Condition IsProd", """{"Condition": "IsProd"}""")]
    [InlineData("!Sub 'a-${Env}'", """{"Fn::Sub": "a-${Env}"}""")]
    [InlineData("!Sub ['a-${X}', {X: !Ref Env}]", """{"Fn::Sub": ["a-${X}", {"X": {"Ref": "Env"}}]}""")]
    [InlineData("!GetAtt Bucket.Arn", """{"Fn::GetAtt": ["Bucket", "Arn"]}""")]
    [InlineData("!GetAtt Db.Endpoint.Address", """{"Fn::GetAtt": ["Db", "Endpoint.Address"]}""")]
    [InlineData("!GetAtt [Bucket, Arn]", """{"Fn::GetAtt": ["Bucket", "Arn"]}""")]
    [InlineData("!If [IsProd, a, b]", """{"Fn::If": ["IsProd", "a", "b"]}""")]
    [InlineData("!Join [',', [a, b]]", """{"Fn::Join": [",", ["a", "b"]]}""")]
    [InlineData("!Select [0, [a, b]]", """{"Fn::Select": ["0", ["a", "b"]]}""")]
    [InlineData("!Split [',', 'a,b']", """{"Fn::Split": [",", "a,b"]}""")]
    [InlineData("!Equals [a, b]", """{"Fn::Equals": ["a", "b"]}""")]
    [InlineData("!And [!Condition A, !Condition B]", """{"Fn::And": [{"Condition": "A"}, {"Condition": "B"}]}""")]
    [InlineData("!Or [!Condition A, !Equals [x, y]]", """{"Fn::Or": [{"Condition": "A"}, {"Fn::Equals": ["x", "y"]}]}""")]
    [InlineData("!Not [!Condition A]", """{"Fn::Not": [{"Condition": "A"}]}""")]
    [InlineData("!FindInMap [Map, a, b]", """{"Fn::FindInMap": ["Map", "a", "b"]}""")]
    [InlineData("!Base64 hello", """{"Fn::Base64": "hello"}""")]
    [InlineData("!Cidr [10.0.0.0/16, 4, 8]", """{"Fn::Cidr": ["10.0.0.0/16", "4", "8"]}""")]
    [InlineData("!GetAZs ''", """{"Fn::GetAZs": ""}""")]
    [InlineData("!ImportValue Shared-Vpc", """{"Fn::ImportValue": "Shared-Vpc"}""")]
    [InlineData("!Transform {Name: 'AWS::Include', Parameters: {Location: 's3://b/k'}}",
        """{"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://b/k"}}}""")]
    [InlineData("!Base64 {'Fn::Sub': 'x-${Env}'}", """{"Fn::Base64": {"Fn::Sub": "x-${Env}"}}""")]
    public void Parse_ShortFormTag_EqualsTheLongForm(string yaml, string json)
    {
        var fromYaml = Parse($"Value: {yaml}\n").Get("Value")!;
        var fromJson = Parse($$"""{"Value": {{json}}}""").Get("Value")!;

        Canonical(fromYaml).ShouldBe(Canonical(fromJson));
        fromYaml.FunctionName(allowCondition: true).ShouldNotBeNull();
    }

    [Fact]
    public void Parse_TagOnBlockSequence_WrapsTheWholeSequence()
    {
        var node = Parse("Value: !Join\n  - '-'\n  - - a\n    - !Ref Env\n").Get("Value")!;

        Canonical(node).ShouldBe("""{"Fn::Join":["-",["a",{"Ref":"Env"}]]}""");
        node.Entries[0].Line.ShouldBe(1);
    }

    [Fact]
    public void Parse_YamlAliases_ShareTheAnchoredNode()
    {
        var root = Parse("A: &tags\n  - Key: k\n    Value: v\nB: *tags\n");

        Canonical(root.Get("B")!).ShouldBe("""[{"Key":"k","Value":"v"}]""");
    }

    [Fact]
    public void Parse_StandardStrTag_KeepsAnEmptyString()
    {
        var root = Parse("A: !!str\nB: ''\nC:\n");

        root.Get("A")!.Kind.ShouldBe(CfnNodeKind.Scalar);
        root.Get("B")!.Kind.ShouldBe(CfnNodeKind.Scalar);
        root.Get("C")!.Kind.ShouldBe(CfnNodeKind.Null);
    }
}
