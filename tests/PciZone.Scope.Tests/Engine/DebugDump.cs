namespace PciZone.Scope.Tests.Engine;

public sealed class DebugDump
{
    [Theory]
    [InlineData("overlapping-routes")]
    [InlineData("nat-egress")]
    public void Dump(string name)
    {
        var r = CaseHarness.Run(name);
        var sb = new System.Text.StringBuilder();
        foreach (var f in r.Flows)
        {
            sb.AppendLine($"{f.From} -> {f.To} {f.Verdict} {f.Traffic} unk={f.UnknownBecause} block={f.BlockedBy?.Entry} path={string.Join(" | ", f.Path.Select(h => h.Kind + ":" + h.Entry))}");
        }

        foreach (var v in r.Violations)
        {
            sb.AppendLine($"VIOLATION {v.Check} {v.Message}");
        }

        Assert.Fail(sb.ToString());
    }
}
