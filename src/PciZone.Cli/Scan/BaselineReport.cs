using System.Text.Json;
using PciZone.Compliance;

namespace PciZone.Cli.Scan;

/// <summary>
/// The failures of an earlier scan, read from its JSON report (schema 1.x). A finding is the same
/// when its rule id and resource address are. Failures that were already there are reported as
/// suppressed with the reason "in baseline", so they show in every format and do not count against
/// the gate; failures in the baseline that no longer fail are listed as fixed.
/// </summary>
internal sealed class BaselineReport
{
    private readonly string _path;
    private readonly HashSet<(string Rule, string Address)> _failed;

    private BaselineReport(string path, HashSet<(string, string)> failed)
    {
        _path = path;
        _failed = failed;
    }

    public static BaselineReport Load(string path) => new(path, Failures(path, "--baseline"));

    /// <summary>The failed (rule id, resource address) pairs of a JSON report; a bad file is a usage error naming it.</summary>
    public static HashSet<(string, string)> Failures(string path, string what) =>
        Read(path, what).Where(f => f.Status == FindingStatus.Fail).Select(f => (f.Rule, f.Address)).ToHashSet();

    /// <summary>Every finding of a PciZone JSON report (schema 1.x) as rule id, resource address and status.</summary>
    public static List<(string Rule, string Address, FindingStatus Status)> Read(string path, string what)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (!root.TryGetProperty("schemaVersion", out var version) || version.GetString()?.StartsWith("1.", StringComparison.Ordinal) != true
                || !root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            {
                throw new UsageException($"{what}: {path} is not a PciZone JSON report (schemaVersion 1.x with findings)");
            }

            return findings.EnumerateArray().Select(f => (
                f.GetProperty("ruleId").GetString() ?? "",
                f.GetProperty("resource").GetProperty("address").GetString() ?? "",
                f.GetProperty("status").GetString() switch
                {
                    "pass" => FindingStatus.Pass,
                    "fail" => FindingStatus.Fail,
                    "unknown" => FindingStatus.Unknown,
                    _ => FindingStatus.Suppressed,
                })).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{what}: cannot read {path}: {ex.Message}");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new UsageException($"{what}: {path} is not a valid PciZone JSON report: {ex.Message}");
        }
    }

    public IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings) =>
        findings.Select(f => f.Status == FindingStatus.Fail && _failed.Contains((f.RuleId, f.ResourceAddress))
            ? f with { Status = FindingStatus.Suppressed, SuppressionReason = $"in baseline {_path}: failed before this change" }
            : f).ToList();

    /// <summary>Baseline failures that are not failures now, as "RULE ADDRESS" lines, sorted.</summary>
    public IEnumerable<string> Fixed(IReadOnlyList<Finding> now)
    {
        var stillThere = now.Where(f => f.Status is FindingStatus.Fail or FindingStatus.Suppressed or FindingStatus.Unknown)
            .Select(f => (f.RuleId, f.ResourceAddress)).ToHashSet();
        return _failed.Where(f => !stillThere.Contains(f)).Select(f => $"{f.Rule} {f.Address}").Order(StringComparer.Ordinal);
    }
}
