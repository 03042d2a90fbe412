using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PciZone.LandingZone.Spec;

namespace PciZone.LandingZone.Guardrails;

/// <summary>
/// Turns the guardrails that apply to each target into as few SCPs as fit AWS's limits: statements of
/// several guardrails share a policy (first-fit by size) because a target holds only five SCPs, one of
/// which is FullAWSAccess. When a target's guardrails and custom policies cannot fit, every such
/// target is an error that says by how much.
/// </summary>
internal static class ScpPacker
{
    private static readonly JsonSerializerOptions Minified = new() { WriteIndented = false, Encoder = JavaScriptEncoder.Default };

    public static IReadOnlyList<PackedPolicy> Pack(ZoneSpec spec, ICollection<SpecError> errors)
    {
        var disabled = spec.Guardrails.Disabled.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var d in spec.Guardrails.Disabled.Where(d => GuardrailCatalogue.All.All(g => g.Id != d.Id)))
        {
            errors.Add(new SpecError(spec.File, d.Mark.Line, d.Mark.Column,
                $"unknown guardrail '{d.Id}' (built-in: {string.Join(", ", GuardrailCatalogue.All.Select(g => g.Id))})"));
        }

        var active = GuardrailCatalogue.All.Where(g => !disabled.Contains(g.Id)).ToList();
        var targets = active.SelectMany(g => g.Targets).Concat(spec.Guardrails.Custom.SelectMany(c => c.Targets)).Distinct().ToList();
        var policies = new List<PackedPolicy>();
        foreach (var target in targets)
        {
            policies.AddRange(PackTarget(spec, target, active.Where(g => g.Targets.Contains(target)).ToList(), errors));
        }

        return policies;
    }

    /// <summary>The character count AWS sees: the minified document, escaped as Terraform's jsonencode escapes it.</summary>
    public static int Characters(JsonObject document) => document.ToJsonString(Minified).Length;

    private static List<PackedPolicy> PackTarget(ZoneSpec spec, string target, List<Guardrail> guardrails, ICollection<SpecError> errors)
    {
        var result = new List<PackedPolicy>();
        var custom = spec.Guardrails.Custom.Where(c => c.Targets.Contains(target)).ToList();
        var targetName = TargetName(spec, target);
        foreach (var policy in custom)
        {
            if (!IsKnownTarget(spec, target))
            {
                var mark = policy.TargetMarks[policy.Targets.ToList().IndexOf(target)];
                errors.Add(new SpecError(spec.File, mark.Line, mark.Column, $"custom SCP '{policy.Name}' targets '{target}', which is neither Root, an OU path nor an account key"));
                continue;
            }

            var document = policy.DocumentJson.Length > 0 ? JsonNode.Parse(policy.DocumentJson)!.AsObject() : [];
            var size = Characters(document);
            if (size > ScpLimits.MaxPolicyCharacters)
            {
                errors.Add(new SpecError(spec.File, policy.DocumentMark.Line, policy.DocumentMark.Column,
                    $"custom SCP '{policy.Name}' is {size} characters; AWS allows {ScpLimits.MaxPolicyCharacters} per SCP"));
            }

            result.Add(new PackedPolicy($"{spec.Organization.Name}-{Naming.Identifier(policy.Name).Replace('_', '-')}-{Naming.Identifier(target).Replace('_', '-')}",
                policy.Description, target, document, size, [], []));
        }

        // First fit, largest guardrail first: deterministic and close to optimal for a handful of items.
        var bins = new List<(List<Guardrail> Members, List<JsonObject> Statements, int Size)>();
        foreach (var (guardrail, statements, size) in guardrails
                     .Select(g => (g, Statements: g.Statements(spec).Select(s => s.DeepClone().AsObject()).ToList()))
                     .Select(x => (x.g, x.Statements, Size: x.Statements.Sum(s => Characters(s) + 1)))
                     .OrderByDescending(x => x.Size).ThenBy(x => x.g.Id, StringComparer.Ordinal))
        {
            var bin = bins.FindIndex(b => Characters(Document(b.Statements.Concat(statements))) <= ScpLimits.MaxPolicyCharacters);
            if (bin < 0)
            {
                bins.Add(([guardrail], statements, size));
            }
            else
            {
                bins[bin].Members.Add(guardrail);
                bins[bin].Statements.AddRange(statements);
            }
        }

        for (var i = 0; i < bins.Count; i++)
        {
            var document = Document(bins[i].Statements);
            var chars = Characters(document);
            if (chars > ScpLimits.MaxPolicyCharacters)
            {
                errors.Add(new SpecError(spec.File, spec.Organization.Mark.Line, spec.Organization.Mark.Column,
                    $"guardrail '{bins[i].Members[0].Id}' alone is {chars} characters for {targetName}; AWS allows {ScpLimits.MaxPolicyCharacters} per SCP (shorten allowedRegions or disable it)"));
            }

            result.Add(new PackedPolicy(
                $"{spec.Organization.Name}-guardrails-{Naming.Identifier(target).Replace('_', '-')}-{i + 1}",
                string.Join("; ", bins[i].Members.Select(m => m.Title)),
                target,
                document,
                chars,
                bins[i].Members.Select(m => m.Id).ToList(),
                bins[i].Members.SelectMany(m => m.Requirements).Distinct().Order(StringComparer.Ordinal).ToList()));
        }

        var allowed = ScpLimits.MaxPoliciesPerTarget - ScpLimits.ReservedForFullAwsAccess;
        if (result.Count > allowed)
        {
            var mark = custom.Count > 0 ? custom[^1].Mark : spec.Organization.Mark;
            errors.Add(new SpecError(spec.File, mark.Line, mark.Column,
                $"{targetName} would need {result.Count + ScpLimits.ReservedForFullAwsAccess} SCPs ({bins.Count} built-in, {custom.Count} custom, 1 FullAWSAccess); AWS allows {ScpLimits.MaxPoliciesPerTarget} per target"));
        }

        return result;
    }

    private static JsonObject Document(IEnumerable<JsonObject> statements) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(statements.Select(s => (JsonNode)s.DeepClone()).ToArray()),
    };

    private static bool IsKnownTarget(ZoneSpec spec, string target) => Ous.All.Contains(target) || spec.Account(target) is not null;

    private static string TargetName(ZoneSpec spec, string target) =>
        target == Ous.Root ? "the organisation root" : Ous.All.Contains(target) ? $"OU '{target}'" : $"account '{target}'";
}
