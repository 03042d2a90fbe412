using PciZone.LandingZone.Generation;
using PciZone.LandingZone.Guardrails;
using YamlDotNet.RepresentationModel;

namespace PciZone.LandingZone.Docs;

/// <summary>A control the zone puts in place, the PCI DSS requirements it serves, and where it lives.</summary>
public sealed record ZoneControl(string Id, string Title, IReadOnlyList<string> Requirements, string Module);

/// <summary>A step the code cannot take; the QSA will ask for its evidence.</summary>
public sealed record ManualStep(IReadOnlyList<string> Requirements, string Step, string Module);

/// <summary>
/// The controls of the zone: each module's controls.yaml plus the SCP guardrails that the generator
/// attaches. The README and the "met by construction" report are built from this one list.
/// </summary>
public static class ControlCatalogue
{
    /// <summary>Controls of every module, in module then id order.</summary>
    public static IReadOnlyList<ZoneControl> ModuleControls { get; } = Load().Controls;

    /// <summary>Manual steps of every module.</summary>
    public static IReadOnlyList<ManualStep> ManualSteps { get; } = Load().Manual;

    /// <summary>The module controls plus one control per SCP guardrail deployed.</summary>
    internal static IReadOnlyList<ZoneControl> For(IReadOnlyList<PackedPolicy> policies)
    {
        var deployed = policies.SelectMany(p => p.GuardrailIds).ToHashSet(StringComparer.Ordinal);
        var guardrails = GuardrailCatalogue.All.Where(g => deployed.Contains(g.Id)).Select(g =>
            new ZoneControl($"LZ-SCP-{g.Id}", $"{g.Title} (SCP on {string.Join(", ", g.Targets)})", g.Requirements, "organization (SCP)"));
        return guardrails.Concat(ModuleControls).ToList();
    }

    private static (List<ZoneControl> Controls, List<ManualStep> Manual) Load()
    {
        var controls = new List<ZoneControl>();
        var manual = new List<ManualStep>();
        foreach (var (path, text) in ModuleLibrary.Files.Where(f => f.Path.EndsWith("/controls.yaml", StringComparison.Ordinal)))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var module = Scalar(root, "module") ?? path.Split('/')[1];
            foreach (var item in Items(root, "controls"))
            {
                controls.Add(new ZoneControl(Scalar(item, "id") ?? "", Scalar(item, "title") ?? "", Strings(item, "requirements"), module));
            }

            foreach (var item in Items(root, "manual"))
            {
                manual.Add(new ManualStep(Strings(item, "requirements"), Scalar(item, "step") ?? "", module));
            }
        }

        return (controls, manual);
    }

    private static IEnumerable<YamlMappingNode> Items(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlSequenceNode seq ? seq.Children.OfType<YamlMappingNode>() : [];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;

    private static List<string> Strings(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
            : [];
}
