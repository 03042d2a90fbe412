using CsCheck;
using PciZone.Monitoring.RuleFormat;
using PciZone.Monitoring.Tests.Support;

namespace PciZone.Monitoring.Tests.RuleFormat;

public sealed class ConditionTests
{
    // Selections a..d test eventName, awsRegion, userAgent, errorCode: each true or false on the record below.
    private const string Selections = "a:\n  eventName: Yes\nb:\n  awsRegion: eu-west-1\nc:\n  userAgent: aws-cli/2.15.0\nd:\n  errorCode: AccessDenied\n";

    private static bool Eval(string condition, bool a, bool b, bool c, bool d)
    {
        var extra = $$"""{"awsRegion": "{{(b ? "eu-west-1" : "us-east-1")}}", "userAgent": "{{(c ? "aws-cli/2.15.0" : "console")}}", "errorCode": {{(d ? "\"AccessDenied\"" : "null")}}}""";
        var detector = TestKit.Detector(TestKit.Rule(Selections + "condition: " + condition));
        return TestKit.Run(detector, TestKit.File(TestKit.Record(a ? "Yes" : "No", extra))).Alerts.Count > 0;
    }

    [Theory]
    [InlineData("a or b and c", true, false, false, false, true)]
    [InlineData("a or b and c", false, true, false, false, false)]
    [InlineData("(a or b) and c", true, false, false, false, false)]
    [InlineData("not a and b", false, true, false, false, true)]
    [InlineData("not a and b", true, false, false, false, false)]
    [InlineData("not (a and b)", true, false, false, false, true)]
    [InlineData("not not a", true, false, false, false, true)]
    [InlineData("a and not b or c", true, false, false, false, true)]
    [InlineData("a and not (b or c)", true, false, true, false, false)]
    public void Precedence_NotThenAndThenOr(string condition, bool a, bool b, bool c, bool d, bool expected) =>
        Eval(condition, a, b, c, d).ShouldBe(expected);

    [Theory]
    [InlineData("1 of them", false, false, false, true, true)]
    [InlineData("1 of them", false, false, false, false, false)]
    [InlineData("all of them", true, true, true, true, true)]
    [InlineData("all of them", true, true, true, false, false)]
    public void Them_CoversEverySelection(string condition, bool a, bool b, bool c, bool d, bool expected) =>
        Eval(condition, a, b, c, d).ShouldBe(expected);

    [Fact]
    public void Quantifiers_MatchNamePatterns()
    {
        const string selections = "sel_name:\n  eventName: RunInstances\nsel_region:\n  awsRegion: eu-west-1\n_filter:\n  userAgent: console\n";
        var anyOf = TestKit.Detector(TestKit.Rule(selections + "condition: 1 of sel_*"));
        var allOf = TestKit.Detector(TestKit.Rule(selections + "condition: all of sel_*", id: "TEST-002"));
        var them = TestKit.Detector(TestKit.Rule(selections + "condition: all of them", id: "TEST-003"));
        var record = TestKit.File(TestKit.Record("DescribeInstances"));
        TestKit.Run(anyOf, record).Alerts.Count.ShouldBe(1);
        TestKit.Run(allOf, record).Alerts.Count.ShouldBe(0);
        TestKit.Run(them, TestKit.File(TestKit.Record("RunInstances"))).Alerts.Count.ShouldBe(1); // _filter is not part of 'them'
    }

    /// <summary>Random conditions over four selections agree with C#'s own boolean evaluation.</summary>
    [Fact]
    public void Parse_RandomConditions_AgreeWithBooleanSemantics()
    {
        var names = new[] { "a", "b", "c", "d" };
        var genLeaf = Gen.Int[0, 3].Select(i => (Text: names[i], Eval: (Func<bool[], bool>)(v => v[i])));
        var genExpr = genLeaf.Select(l => l);
        for (var depth = 0; depth < 3; depth++)
        {
            var inner = genExpr;
            genExpr = Gen.OneOf(
                genLeaf,
                Gen.Select(inner, inner, Gen.Int[0, 2], (l, r, op) => op switch
                {
                    0 => ($"{l.Text} and {r.Text}", (Func<bool[], bool>)(v => l.Eval(v) && r.Eval(v))),
                    1 => ($"({l.Text} or {r.Text})", v => l.Eval(v) || r.Eval(v)),
                    _ => ($"not ({l.Text})", v => !l.Eval(v)),
                }));
        }

        var selectionNames = names.ToList();
        genExpr.Select(Gen.Bool.Array[4]).Sample(t =>
        {
            var (expr, values) = t;
            var condition = ConditionParser.Parse(expr.Text, selectionNames);
            return Evaluate(condition, values) == expr.Eval(values);
        }, iter: 2000);
    }

    [Fact]
    public void Parse_OrWithoutParentheses_BindsLooserThanAnd()
    {
        var parsed = ConditionParser.Parse("a or b and c", ["a", "b", "c"]);
        parsed.ShouldBe(new OrCondition(new SelectionRef("a"), new AndCondition(new SelectionRef("b"), new SelectionRef("c"))));
    }

    private static bool Evaluate(Condition c, bool[] v) => c switch
    {
        AndCondition a => Evaluate(a.Left, v) && Evaluate(a.Right, v),
        OrCondition o => Evaluate(o.Left, v) || Evaluate(o.Right, v),
        NotCondition n => !Evaluate(n.Operand, v),
        SelectionRef s => v[s.Name[0] - 'a'],
        _ => throw new InvalidOperationException(),
    };
}
