using System.Text;

namespace PciZone.Scope.Tests.Output;

/// <summary>
/// Snapshot check against committed <c>Output/Approved/&lt;name&gt;.approved.&lt;ext&gt;</c> files. On a
/// mismatch the output is written to <c>&lt;name&gt;.received.&lt;ext&gt;</c> next to it (review, then
/// rename to approve) and the test fails with the first differing lines.
/// </summary>
internal static class Approvals
{
    public static void Verify(string name, string extension, string received)
    {
        var approvedPath = Path.Combine(RepoPaths.ApprovedDir, $"{name}.approved.{extension}");
        var receivedPath = Path.Combine(RepoPaths.ApprovedDir, $"{name}.received.{extension}");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath, Encoding.UTF8) : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        var reason = approved is null ? $"no approved file {approvedPath}" : Diff(approved, received);
        Assert.Fail($"{name}.{extension} differs from the approved snapshot; received output written to {receivedPath}\n{reason}");
    }

    private static string Diff(string approved, string received)
    {
        var a = approved.Split('\n');
        var r = received.Split('\n');
        var sb = new StringBuilder($"approved {a.Length} lines, received {r.Length} lines\n");
        var shown = 0;
        for (var i = 0; i < Math.Max(a.Length, r.Length) && shown < 5; i++)
        {
            var left = i < a.Length ? a[i] : "<missing>";
            var right = i < r.Length ? r[i] : "<missing>";
            if (left != right)
            {
                sb.Append($"line {i + 1}:\n  - {Visible(left)}\n  + {Visible(right)}\n");
                shown++;
            }
        }

        return sb.ToString();
    }

    private static string Visible(string s) => s.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
