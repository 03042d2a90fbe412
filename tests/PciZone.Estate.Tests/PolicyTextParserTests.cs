using System.Text.Json;
using CsCheck;
using PciZone.Estate;

namespace PciZone.Estate.Tests;

/// <summary>The one-pass text parser gives the same documents as the element parser.</summary>
public sealed class PolicyTextParserTests
{
    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.OneOfConst("\"*\"", "\"s3:*\"", "\"arn:aws:s3:::b/*\"", "true", "false", "12", "\"\\u0041\""),
        Gen.String[Gen.Char['a', 'z'], 0, 5].Select(s => $"\"{s}\""));

    private static readonly Gen<string> Values = Gen.OneOf(
        Scalar,
        Scalar.Array[0, 3].Select(a => $"[{string.Join(',', a)}]"),
        Gen.Const("{\"x\":1}"),
        Gen.Const("null"));

    private static readonly Gen<string> Key = Gen.OneOfConst(
        "Sid", "Effect", "effect", "Principal", "NotPrincipal", "Action", "notaction", "Resource", "NotResource", "Condition", "Other");

    private static readonly Gen<string> Principal = Gen.OneOf(
        Values,
        Gen.Select(Gen.OneOfConst("AWS", "Service", "Federated"), Values, (t, v) => $"{{\"{t}\":{v}}}"));

    private static readonly Gen<string> Condition = Gen.Select(Gen.OneOfConst("Bool", "StringEquals"), Gen.OneOfConst("aws:SecureTransport", "aws:SourceVpce"), Values,
        (op, k, v) => $"{{\"{op}\":{{\"{k}\":{v}}}}}");

    private static readonly Gen<string> Statement = Gen.Select(Key, Values, Principal, Condition).Array[0, 6]
        .Select(fields => "{" + string.Join(',', fields
            .GroupBy(f => f.Item1.ToUpperInvariant()).Select(g => g.First())
            .Select(f => f.Item1.ToUpperInvariant() switch
            {
                "PRINCIPAL" or "NOTPRINCIPAL" => $"\"{f.Item1}\":{f.Item3}",
                "CONDITION" => $"\"{f.Item1}\":{f.Item4}",
                "EFFECT" => $"\"{f.Item1}\":\"{(f.Item2.Length % 2 == 0 ? "Deny" : "Allow")}\"",
                _ => $"\"{f.Item1}\":{f.Item2}",
            })) + "}");

    private static readonly Gen<string> Policy = Gen.OneOf(
        Statement.Array[0, 3].Select(s => $"{{\"Version\":\"2012-10-17\",\"Statement\":[{string.Join(',', s)}]}}"),
        Statement.Select(s => $"{{\"Statement\":{s},\"Id\":\"x\"}}"),
        Gen.Const("{\"Version\":\"2012-10-17\"}"));

    [Fact]
    public void TextParser_AgreesWithElementParser()
    {
        Policy.Sample(json =>
        {
            var byText = PolicyParser.TryParse(json, out var a, out _);
            using var doc = JsonDocument.Parse(json);
            var byElement = PolicyParser.TryParse(doc.RootElement, out var b, out _);
            return byText == byElement && Canonical(a) == Canonical(b);
        });
    }

    [Theory]
    [InlineData("{\"Statement\":[]} x")]
    [InlineData("{\"Statement\":[{\"Effect\":}]}")]
    [InlineData("")]
    public void TextParser_InvalidJson_IsAnError(string json)
    {
        PolicyParser.TryParse(json, out var doc, out var error).ShouldBeFalse();
        doc.ShouldBeNull();
        error!.ShouldStartWith("policy is not valid JSON");
    }

    private static string Canonical(PolicyDocument? d) => d is null
        ? "null"
        : string.Join(";", d.Statements.Select(s => string.Join("|",
            s.Sid, s.Effect, string.Join(",", s.Principals), string.Join(",", s.NotPrincipals), string.Join(",", s.Actions),
            string.Join(",", s.NotActions), string.Join(",", s.Resources), string.Join(",", s.NotResources),
            string.Join(",", s.Conditions.Select(c => $"{c.Operator}/{c.Key}/{string.Join("+", c.Values)}")))));
}
