using System.Globalization;
using PciZone.Scope;
using YamlDotNet.RepresentationModel;

namespace PciZone.Cli.Config;

/// <summary>
/// The <c>scope:</c> section of <c>.pcizone.yaml</c>:
/// <code>
/// scope:
///   cde: ["tag:pcizone:cde=true", "subnet:module.cde.*"]
///   entryPoints: ["module.edge.aws_lb.public"]
///   flows:
///     - { from: "sg:*bastion*", to: "tag:pcizone:cde=true", traffic: "tcp/22", reason: "CHG-1234 admin access" }
///   egress:
///     - { from: "tag:pcizone:cde=true", to: internet, traffic: "tcp/443", reason: "card network API" }
///   ephemeralPorts: 1024-65535
/// </code>
/// </summary>
internal sealed record ScopeConfig(ScopeOptions Options, string Path)
{
    private static readonly string[] Keys = ["cde", "entryPoints", "flows", "egress", "ephemeralPorts"];
    private static readonly string[] FlowKeys = ["from", "to", "traffic", "reason"];

    public static ScopeConfig Read(string path, YamlNode node)
    {
        var map = node as YamlMappingNode ?? throw ConfigFile.Error(path, node, "'scope' must be a mapping");
        ConfigFile.CheckKeys(path, map, Keys, "scope.");
        var cde = ConfigFile.List(path, map, "cde") ?? [];
        var entry = ConfigFile.List(path, map, "entryPoints") ?? [];
        foreach (var s in cde.Concat(entry))
        {
            Check(path, map, s);
        }

        var flows = ConfigFile.Items(path, map, "flows", FlowKeys).Select(f => Flow(path, f)).ToList();
        var egress = ConfigFile.Items(path, map, "egress", FlowKeys).Select(f => Flow(path, f)).ToList();
        var eph = ScopeOptions.DefaultEphemeralPorts;
        if (ConfigFile.Scalar(path, map, "ephemeralPorts") is { } text)
        {
            var parts = text.Split('-');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from) ||
                !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to) || from > to || to > 65535)
            {
                throw ConfigFile.Error(path, map, $"scope.ephemeralPorts: '{text}' is not a port range such as 1024-65535");
            }

            eph = (from, to);
        }

        return new ScopeConfig(new ScopeOptions(cde, entry, flows, egress, eph), path);
    }

    private static DeclaredFlow Flow(string path, YamlMappingNode f)
    {
        var flow = new DeclaredFlow(ConfigFile.Required(path, f, "from", "scope flows"), ConfigFile.Required(path, f, "to", "scope flows"),
            ConfigFile.Scalar(path, f, "traffic"), ConfigFile.Scalar(path, f, "reason"));
        var error = ScopeAnalyzer.Validate(flow);
        return error is null ? flow : throw ConfigFile.Error(path, f, error);
    }

    private static void Check(string path, YamlNode at, string selector)
    {
        if (ScopeAnalyzer.ValidateSelector(selector) is { } error)
        {
            throw ConfigFile.Error(path, at, error);
        }
    }
}
