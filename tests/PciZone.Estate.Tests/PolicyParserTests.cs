using CsCheck;
using PciZone.Estate;

namespace PciZone.Estate.Tests;

public sealed class PolicyParserTests
{
    [Fact]
    public void TryParse_SingleStringsAndObjects_BecomeLists()
    {
        const string json = """
            {"Version":"2012-10-17","Statement":{"Sid":"S","Effect":"Deny","Principal":"*","Action":"s3:*",
             "Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"Bool":{"aws:SecureTransport":false}}}}
            """;
        PolicyParser.TryParse(json, out var doc, out var error).ShouldBeTrue(error);
        var s = doc!.Statements.Single();
        s.Effect.ShouldBe(PolicyEffect.Deny);
        s.HasWildcardPrincipal.ShouldBeTrue();
        s.Actions.ShouldBe(["s3:*"]);
        s.Resources.Count.ShouldBe(2);
        s.ConditionsOn("aws:securetransport").Single().Values.ShouldBe(["false"]);
    }

    [Fact]
    public void TryParse_KeysInAnyCase_AreRead()
    {
        PolicyParser.TryParse("""{"statement":[{"effect":"Allow","action":["*"],"resource":"*","principal":{"AWS":"arn:aws:iam::111122223333:root"}}]}""",
            out var doc, out _).ShouldBeTrue();
        var s = doc!.Statements.Single();
        s.AllowsAllActions.ShouldBeTrue();
        s.AppliesToAllResources.ShouldBeTrue();
        s.Principals.Single().ShouldBe(new PolicyPrincipal("AWS", "arn:aws:iam::111122223333:root"));
        s.HasWildcardPrincipal.ShouldBeFalse();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void TryParse_NotAPolicy_FailsWithAMessage(string text)
    {
        PolicyParser.TryParse(text, out var doc, out var error).ShouldBeFalse();
        doc.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void MatchesAction_NotAction_MatchesWhatIsNotExcluded()
    {
        PolicyParser.TryParse("""{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}""", out var doc, out _);
        var s = doc!.Statements.Single();
        s.MatchesAction("s3:GetObject").ShouldBeTrue();
        s.MatchesAction("IAM:PassRole").ShouldBeFalse();
    }

    [Fact]
    public void Wildcard_PatternWithoutWildcards_MatchesOnlyItselfIgnoringCase()
    {
        Gen.String[Gen.Char['a', 'z'], 0, 12].Select(Gen.String[Gen.Char['a', 'z'], 0, 12])
            .Sample((a, b) =>
                Wildcard.Matches(a, a.ToUpperInvariant()) && Wildcard.Matches(a, b) == string.Equals(a, b, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Wildcard_StarPrefixAndSuffix_MatchContainment()
    {
        Gen.String[Gen.Char['a', 'c'], 0, 8].Select(Gen.String[Gen.Char['a', 'c'], 0, 8])
            .Sample((needle, hay) => Wildcard.Matches($"*{needle}*", hay) == hay.Contains(needle, StringComparison.Ordinal));
        Wildcard.Matches("s3:Get?bject", "s3:GetObject").ShouldBeTrue();
        Wildcard.Matches("s3:Get*", "s3:PutObject").ShouldBeFalse();
    }
}
