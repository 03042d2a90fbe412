using PciZone.Estate;
using static PciZone.Ingest.Tests.CloudFormation.CfnTestKit;

namespace PciZone.Ingest.Tests.CloudFormation;

public sealed class ResourceViewTests
{
    private const string Template = """
        Parameters:
          Env: {Type: String, Default: prod}
          Open: {Type: String}
        Resources:
          Sg: {Type: AWS::EC2::SecurityGroup}
          Role: {Type: AWS::IAM::Role}
          R:
            Type: AWS::Test::Thing
            Properties:
              Name: web
              Port: 443
              Flag: "true"
              Off: False
              Yes: yes
              Nothing: ~
              Nested: {Deep: {Value: x}}
              One: sg-literal
              List: [a, !Ref Env, !Ref AWS::NoValue]
              BadList: [a, !Ref Open]
              Rules:
                - {Id: first, FromPort: 22}
                - {Id: second, FromPort: 80}
              Target: !Ref Sg
              TargetArn: !GetAtt Role.Arn
              TargetSub: !Sub "${Sg}"
              FromParam: !Ref Env
              Imported: !ImportValue Net-Sg
              Groups: [!Ref Sg, !GetAtt Sg.GroupId, sg-123]
              BadGroups: [!Ref Sg, !ImportValue Net-Sg]
              Tags:
                - {Key: env, Value: !Ref Env}
                - {Key: owner, Value: !Ref Open}
              MapTags: {team: core}
              PolicyObject:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}
                    Action: [kms:*, !Ref AWS::NoValue]
                    Resource: !GetAtt Role.Arn
              PolicyString: '{"Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}}'
              PolicySub: !Sub '{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "${Role.Arn}"}}'
              PolicyOpen: {Statement: [{Effect: Allow, Action: !Ref Open, Resource: "*"}]}
              PolicyBad: 'not json'
        """;

    private static IResourceView R(string prefix = "") => View(Template, "R", prefix);

    [Fact]
    public void Identity_IsPrefixedAddressTypeAndKeyLine()
    {
        var view = R("stack#");

        view.Address.ShouldBe("stack#R");
        view.Type.ShouldBe("AWS::Test::Thing");
        view.Provenance.ShouldBe(new Provenance("t.yaml", 7, "stack#R"));
        view.At("Nested.Deep.Value").ShouldBe(new Provenance("t.yaml", 16, "stack#R.Nested.Deep.Value"));
        view.At("Missing").Line.ShouldBe(7);
    }

    [Fact]
    public void HasAndIsWritten_TellAbsentNullAndPresentApart()
    {
        var view = R();

        (view.Has("Name"), view.IsWritten("Name")).ShouldBe((true, true));
        (view.Has("Nothing"), view.IsWritten("Nothing")).ShouldBe((false, true));
        (view.Has("Missing"), view.IsWritten("Missing")).ShouldBe((false, false));
        (view.Has("Imported"), view.IsWritten("Imported")).ShouldBe((true, true));
        view.Has("Nested.Deep.Value").ShouldBeTrue();
    }

    [Fact]
    public void Scalars_AreReadAsStringsBoolsAndInts()
    {
        var view = R();

        view.String("Port").Get().ShouldBe("443");
        view.String("Missing", "d").ShouldSatisfyAllConditions(v => v.Get().ShouldBe("d"), v => v.IsDefault.ShouldBeTrue());
        view.String("Nothing", "d").IsDefault.ShouldBeTrue();
        view.String("Nested").UnknownReason!.ShouldContain("not a string");
        view.Bool("Flag", false).Get().ShouldBeTrue();
        view.Bool("Off", true).Get().ShouldBeFalse();
        view.Bool("Yes", false).IsUnknown.ShouldBeTrue();
        view.Bool("Missing", true).ShouldSatisfyAllConditions(v => v.Get().ShouldBeTrue(), v => v.IsDefault.ShouldBeTrue());
        view.Int("Port", 0).Get().ShouldBe(443);
        view.Int("Name", 0).IsUnknown.ShouldBeTrue();
        view.Int("Missing", 7).Get().ShouldBe(7);
        view.OptionalInt("Missing").ShouldSatisfyAllConditions(v => v.IsKnown.ShouldBeTrue(), v => v.Get().ShouldBeNull());
        view.OptionalInt("Port").Get().ShouldBe(443);
    }

    [Fact]
    public void Strings_AcceptScalarOrListAndDropNoValue()
    {
        var view = R();

        view.Strings("List").Get().ShouldBe(["a", "prod"]);
        view.Strings("Name").Get().ShouldBe(["web"]);
        view.Strings("Missing").ShouldSatisfyAllConditions(v => v.Get().ShouldBeEmpty(), v => v.IsDefault.ShouldBeTrue());
        view.Strings("BadList").UnknownReason!.ShouldContain("parameter Open has no default");
    }

    [Fact]
    public void Blocks_GiveEachObjectWithItsOwnLines()
    {
        var view = R();

        var rules = view.Blocks("Rules");
        rules.Select(b => b.String("Id").Get()).ShouldBe(["first", "second"]);
        rules[1].Provenance.ShouldBe(new Provenance("t.yaml", 22, "R.Rules[1]"));
        rules[1].Int("FromPort", 0).Source.Address.ShouldBe("R.Rules[1].FromPort");
        view.Blocks("Nested").ShouldHaveSingleItem().String("Deep.Value").Get().ShouldBe("x");
        view.Blocks("Missing").ShouldBeEmpty();
        view.Block("Rules")!.String("Id").Get().ShouldBe("first");
        view.Block("Missing").ShouldBeNull();
        view.String("Rules.1.Id").Get().ShouldBe("second");
        view.String("Rules.Id").Get().ShouldBe("first");
    }

    [Fact]
    public void Ref_LinksResourcesAndKeepsLiterals()
    {
        var view = R("p/");

        view.Ref("Target").Get().ShouldBe(ResourceRef.To("p/Sg"));
        view.Ref("TargetArn").Get().ShouldBe(ResourceRef.To("p/Role"));
        view.Ref("TargetSub").Get().ShouldBe(ResourceRef.To("p/Sg"));
        view.Ref("One").Get().ShouldBe(ResourceRef.Id("sg-literal"));
        view.Ref("FromParam").Get().ShouldBe(ResourceRef.Id("prod"));
        view.Ref("Missing").ShouldSatisfyAllConditions(v => v.IsKnown.ShouldBeTrue(), v => v.Get().ShouldBeNull());
        view.Ref("Imported").UnknownReason!.ShouldContain("Fn::ImportValue");
        view.String("Target").UnknownReason!.ShouldContain("known only after deployment");
    }

    [Fact]
    public void Refs_ResolveEachItem()
    {
        var view = R();

        view.Refs("Groups").Get().ShouldBe([ResourceRef.To("Sg"), ResourceRef.To("Sg"), ResourceRef.Id("sg-123")]);
        view.Refs("Target").Get().ShouldBe([ResourceRef.To("Sg")]);
        view.Refs("Missing").Get().ShouldBeEmpty();
        view.Refs("BadGroups").IsUnknown.ShouldBeTrue();
    }

    [Fact]
    public void Tags_ReadKeyValueListsAndMapsLeavingUnknownOut()
    {
        var view = R();

        view.Tags("Tags").ShouldBe(new Dictionary<string, string> { ["env"] = "prod" });
        view.Tags("MapTags").ShouldBe(new Dictionary<string, string> { ["team"] = "core" });
        view.Tags("Missing").ShouldBeEmpty();
    }

    [Fact]
    public void Policy_ObjectWithResourceAttributes_KeepsThemAsPlaceholders()
    {
        var statement = R().Policy("PolicyObject").Get()!.Statements.ShouldHaveSingleItem();

        statement.Principals.ShouldBe([new PolicyPrincipal("AWS", "arn:aws:iam::${AWS::AccountId}:root")]);
        statement.Actions.ShouldBe(["kms:*"]);
        statement.Resources.ShouldBe(["${Role.Arn}"]);
        statement.HasWildcardPrincipal.ShouldBeFalse();
    }

    [Fact]
    public void Policy_JsonStringsAreParsed()
    {
        var view = R();

        var deny = view.Policy("PolicyString").Get()!.Statements.ShouldHaveSingleItem();
        deny.Effect.ShouldBe(PolicyEffect.Deny);
        deny.AppliesToAllResources.ShouldBeTrue();
        view.Policy("PolicySub").Get()!.Statements.ShouldHaveSingleItem().Resources.ShouldBe(["${Role.Arn}"]);
    }

    [Fact]
    public void Policy_UnknownThatCouldBeAWildcard_MakesThePolicyUnknown()
    {
        var view = R();

        view.Policy("PolicyOpen").UnknownReason!.ShouldContain("parameter Open has no default");
        view.Policy("PolicyBad").UnknownReason!.ShouldContain("not valid JSON");
        view.Policy("Missing").ShouldSatisfyAllConditions(v => v.IsKnown.ShouldBeTrue(), v => v.Get().ShouldBeNull());
    }
}
