using static PciZone.Ingest.Tests.CloudFormation.CfnTestKit;

namespace PciZone.Ingest.Tests.CloudFormation;

public sealed class EvaluationTests
{
    private const string Head = """
        Parameters:
          Env: {Type: String, Default: prod}
          NoDefault: {Type: String}
          Subnets: {Type: CommaDelimitedList, Default: "subnet-1, subnet-2"}
          FromSsm: {Type: "AWS::SSM::Parameter::Value<String>", Default: /cfg/name}
        Mappings:
          Sizes:
            prod: {Instance: m5.large}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsDev: !Not [!Condition IsProd]
          InUsEast: !Equals [!Ref "AWS::Region", us-east-1]
          ProdAndEast: !And [!Condition IsProd, !Condition InUsEast]
          DevAndEast: !And [!Condition IsDev, !Condition InUsEast]
          ProdOrEast: !Or [!Condition IsProd, !Condition InUsEast]
          Loop: !Condition Loop
        Resources:
          Other: {Type: Custom::Thing}
          R:
            Type: Custom::Thing
            Properties:

        """;

    private static PciZone.Estate.Value<string?> Eval(string yamlValue) => View(Head + $"      P: {yamlValue}\n", "R").String("P");

    [Theory]
    [InlineData("!Ref Env", "prod")]
    [InlineData("!Ref AWS::Partition", "aws")]
    [InlineData("!Sub 'data-${Env}-${AWS::Partition}'", "data-prod-aws")]
    [InlineData("!Sub ['${A}-${Env}', {A: !Ref Env}]", "prod-prod")]
    [InlineData("!Sub 'price-${!Literal}'", "price-${Literal}")]
    [InlineData("!Join ['-', [a, !Ref Env, !Ref AWS::NoValue]]", "a-prod")]
    [InlineData("!Select [1, !Ref Subnets]", "subnet-2")]
    [InlineData("!Select [1, !Split [',', 'x,y,z']]", "y")]
    [InlineData("!FindInMap [Sizes, !Ref Env, Instance]", "m5.large")]
    [InlineData("!FindInMap [Sizes, dev, Instance, {DefaultValue: t3.micro}]", "t3.micro")]
    [InlineData("!Base64 hi", "aGk=")]
    [InlineData("!If [IsProd, Enabled, Suspended]", "Enabled")]
    [InlineData("!If [IsDev, Enabled, Suspended]", "Suspended")]
    [InlineData("!If [ProdOrEast, yes, no]", "yes")]
    [InlineData("!If [DevAndEast, yes, no]", "no")]
    [InlineData("!Equals [a, a]", "true")]
    public void Evaluate_ResolvableFunction_GivesItsValue(string yaml, string expected)
    {
        var value = Eval(yaml);

        value.IsKnown.ShouldBeTrue(value.UnknownReason);
        value.Get().ShouldBe(expected);
    }

    [Theory]
    [InlineData("!Ref NoDefault", "parameter NoDefault has no default")]
    [InlineData("!Ref FromSsm", "SSM Parameter Store")]
    [InlineData("!Ref AWS::Region", "AWS::Region is known only at deploy time")]
    [InlineData("!Ref AWS::AccountId", "AWS::AccountId")]
    [InlineData("!Ref AWS::StackName", "AWS::StackName")]
    [InlineData("!Ref AWS::URLSuffix", "AWS::URLSuffix")]
    [InlineData("!Ref Other", "Ref Other is known only after deployment (line 22)")]
    [InlineData("!GetAtt Other.Arn", "Fn::GetAtt Other.Arn is known only after deployment (line 22)")]
    [InlineData("!Sub 'arn:${Other.Arn}'", "Fn::Sub ${Other.Arn} is known only after deployment")]
    [InlineData("!Sub 'x-${AWS::Region}'", "Fn::Sub ${AWS::Region}")]
    [InlineData("!ImportValue Shared", "Fn::ImportValue")]
    [InlineData("!Select [0, !GetAZs '']", "Fn::GetAZs")]
    [InlineData("!If [InUsEast, a, b]", "Fn::If InUsEast")]
    [InlineData("!If [ProdAndEast, a, b]", "AWS::Region")]
    [InlineData("!If [Loop, a, b]", "refers to itself")]
    [InlineData("!If [Nope, a, b]", "condition Nope is not declared")]
    [InlineData("!Ref Missing", "declares no parameter or resource Missing")]
    [InlineData("!Select [5, [a]]", "Fn::Select index 5")]
    [InlineData("!FindInMap [Sizes, dev, Instance]", "Mappings has no Sizes/dev/Instance")]
    [InlineData("!Cidr [10.0.0.0/16, 2, 8]", "Fn::Cidr is not evaluated offline (line 22)")]
    public void Evaluate_UnresolvableFunction_IsUnknownWithReason(string yaml, string reason)
    {
        var value = Eval(yaml);

        value.IsUnknown.ShouldBeTrue();
        value.UnknownReason!.ShouldContain(reason);
        value.Source.Line.ShouldBe(22);
    }

    [Fact]
    public void Evaluate_NoValue_RemovesThePropertySoTheDefaultApplies()
    {
        var view = View(Head + "      P: !Ref AWS::NoValue\n      Q: !If [IsProd, !Ref AWS::NoValue, x]\n", "R");

        view.String("P", "dflt").ShouldSatisfyAllConditions(v => v.Get().ShouldBe("dflt"), v => v.IsDefault.ShouldBeTrue());
        view.Has("Q").ShouldBeFalse();
        view.IsWritten("Q").ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_IfPickingAnObject_IsWalkedInto()
    {
        var view = View(Head + "      P: !If [IsProd, {Status: Enabled}, {Status: Suspended}]\n", "R");

        view.String("P.Status").Get().ShouldBe("Enabled");
        view.Block("P")!.String("Status").Get().ShouldBe("Enabled");
    }

    [Fact]
    public void Evaluate_IfOnUnknownCondition_MakesObjectsBelowUnknown()
    {
        var view = View(Head + "      P: !If [InUsEast, {Status: Enabled}, {Status: Suspended}]\n", "R");

        view.String("P.Status").IsUnknown.ShouldBeTrue();
        view.Has("P.Status").ShouldBeTrue();
        var block = view.Blocks("P").ShouldHaveSingleItem();
        block.Bool("Status", false).UnknownReason!.ShouldContain("Fn::If InUsEast");
    }
}
