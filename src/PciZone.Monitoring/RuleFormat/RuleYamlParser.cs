using System.Text.RegularExpressions;
using PciZone.Compliance;
using PciZone.Monitoring.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PciZone.Monitoring.RuleFormat;

/// <summary>
/// Reads one <c>rule.yaml</c> of the Sigma subset (docs/monitor-rules.md). Every construct outside the
/// subset is an error with file, line and column; nothing is ignored.
/// </summary>
internal sealed partial class RuleYamlParser(
    string file,
    IReadOnlyDictionary<string, IReadOnlyList<string>> placeholders,
    RequirementCatalogue catalogue,
    List<RuleLoadError> errors)
{
    private const string Allowed = "id, title, status, level, description, logsource, detection, falsepositives, references, tags, pcizone";
    private readonly YamlErrors _e = new(file, errors);

    public RuleDefinition? Parse(string text)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                _e.Add(1, 1, "a rule file holds exactly one YAML mapping");
                return null;
            }

            root = map;
        }
        catch (YamlException ex)
        {
            _e.Add((int)ex.Start.Line, (int)ex.Start.Column, "invalid YAML: " + ex.Message);
            return null;
        }

        var before = _e.Count;
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } k } ? k : "";
            if (!Allowed.Split(", ").Contains(key))
            {
                _e.Add(keyNode, $"unsupported key '{key}' (allowed: {Allowed})");
                continue;
            }

            fields[key] = value;
        }

        foreach (var required in new[] { "id", "title", "status", "level", "description", "logsource", "detection", "pcizone" })
        {
            if (!fields.ContainsKey(required))
            {
                _e.Add(root, $"missing '{required}'");
            }
        }

        if (_e.Count > before)
        {
            return null;
        }

        var id = _e.Scalar(fields["id"], "id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            _e.Add(fields["id"], $"id '{id}' must be letters, digits, '.', '_' or '-' (built-in rules: PCZ-MON-NNN)");
        }

        var title = _e.Scalar(fields["title"], "title");
        var description = _e.Scalar(fields["description"], "description");
        var status = _e.Scalar(fields["status"], "status");
        if (status is not null and not ("stable" or "test" or "experimental"))
        {
            _e.Add(fields["status"], $"status '{status}' must be stable, test or experimental");
        }

        var level = ParseLevel(fields["level"]);
        CheckLogSource(fields["logsource"]);
        var detection = new DetectionParser(_e, placeholders).Parse(fields["detection"]);
        var meta = ParsePciZone(fields["pcizone"]);
        var falsePositives = fields.TryGetValue("falsepositives", out var fp) ? _e.Strings(fp, "falsepositives") : [];
        var references = fields.TryGetValue("references", out var rf) ? _e.Strings(rf, "references") : [];
        var tags = fields.TryGetValue("tags", out var tg) ? _e.Strings(tg, "tags") : [];
        if (_e.Count > before || id is null || title is null || description is null || status is null || level is null
            || detection is null || meta is null || falsePositives is null || references is null || tags is null)
        {
            return null;
        }

        var kind = meta.Value.Threshold is not null ? "threshold" : meta.Value.Silence is not null ? "silence" : "event";
        var info = new MonitorRuleInfo(
            id, title, level.Value, status, description, meta.Value.Requirements, falsePositives, references, tags, file, kind);
        return new RuleDefinition(info, detection.Value.Selections, detection.Value.Condition, meta.Value.Threshold, meta.Value.Silence)
        {
            IdPosition = ((int)fields["id"].Start.Line, (int)fields["id"].Start.Column),
        };
    }

    private Severity? ParseLevel(YamlNode node)
    {
        Severity? level = _e.Scalar(node, "level") switch
        {
            null => null,
            "informational" => Severity.Info,
            "low" => Severity.Low,
            "medium" => Severity.Medium,
            "high" => Severity.High,
            "critical" => Severity.Critical,
            var other => Invalid(other),
        };
        return level;

        Severity? Invalid(string other)
        {
            _e.Add(node, $"level '{other}' must be informational, low, medium, high or critical");
            return null;
        }
    }

    private void CheckLogSource(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            _e.Add(node, "logsource must be {product: aws, service: cloudtrail}");
            return;
        }

        var seen = 0;
        var before = _e.Count;
        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value;
            var expected = key switch { "product" => "aws", "service" => "cloudtrail", _ => null };
            if (expected is null)
            {
                _e.Add(k, $"unsupported logsource key '{key}' (only product: aws and service: cloudtrail)");
            }
            else if ((v as YamlScalarNode)?.Value != expected)
            {
                _e.Add(v, $"unsupported logsource {key} (only {expected})");
            }
            else
            {
                seen++;
            }
        }

        if (seen != 2 && _e.Count == before)
        {
            _e.Add(node, "logsource must be {product: aws, service: cloudtrail}");
        }
    }

    private (List<string> Requirements, ThresholdSpec? Threshold, SilenceSpec? Silence)? ParsePciZone(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            _e.Add(node, "pcizone must be a mapping with 'requirements'");
            return null;
        }

        List<string>? requirements = null;
        ThresholdSpec? threshold = null;
        SilenceSpec? silence = null;
        foreach (var (k, v) in map.Children)
        {
            switch ((k as YamlScalarNode)?.Value)
            {
                case "requirements":
                    requirements = ParseRequirements(v);
                    break;
                case "threshold":
                    threshold = StatefulParser.Threshold(_e, v);
                    break;
                case "silence":
                    silence = StatefulParser.Silence(_e, v);
                    break;
                case var other:
                    _e.Add(k, $"unsupported pcizone key '{other}' (allowed: requirements, threshold, silence)");
                    break;
            }
        }

        if (requirements is null)
        {
            _e.Add(node, "pcizone.requirements is missing");
            return null;
        }

        if (threshold is not null && silence is not null)
        {
            _e.Add(node, "a rule has either a threshold or a silence, not both");
        }

        return (requirements, threshold, silence);
    }

    private List<string>? ParseRequirements(YamlNode node)
    {
        var list = _e.Strings(node, "requirements");
        if (list is null)
        {
            return null;
        }

        if (list.Count == 0)
        {
            _e.Add(node, "pcizone.requirements must name at least one PCI DSS requirement");
        }

        foreach (var id in list)
        {
            if (!catalogue.Contains(id))
            {
                _e.Add(node, $"requirement '{id}' is not in the PCI DSS v4.0.1 catalogue");
            }
        }

        return [.. list.Distinct(StringComparer.Ordinal).OrderBy(r => catalogue.Find(r)?.Order ?? int.MaxValue)];
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
