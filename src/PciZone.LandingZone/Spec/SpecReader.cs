using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PciZone.LandingZone.Spec;

/// <summary>
/// Reads a landing-zone spec: YAML shape, types, unknown keys and defaults. Every problem is collected
/// with its line; the spec's meaning (CIDR overlaps, OU placement, limits) is <see cref="SpecValidator"/>'s.
/// </summary>
public static class SpecReader
{
    /// <summary>A spec is a page of YAML; anything larger is a mistake, not a spec.</summary>
    private const long MaxBytes = 1024 * 1024;

    /// <summary>Reads and defaults the spec at <paramref name="path"/>; throws <see cref="SpecException"/> with every problem.</summary>
    public static ZoneSpec Read(string path)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new SpecException([new SpecError(path, 0, 0, "spec file not found")]);
            }

            if (info.Length > MaxBytes)
            {
                throw new SpecException([new SpecError(path, 0, 0, $"spec is {info.Length} bytes; a spec is at most {MaxBytes} bytes")]);
            }

            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpecException([new SpecError(path, 0, 0, $"cannot read spec: {ex.Message}")]);
        }

        return Parse(path, text);
    }

    /// <summary>Reads a spec from text; <paramref name="file"/> names it in errors.</summary>
    public static ZoneSpec Parse(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new SpecException([new SpecError(file, (int)ex.Start.Line, (int)ex.Start.Column, $"invalid YAML: {ex.Message}")]);
        }

        if (stream.Documents.Count != 1)
        {
            throw new SpecException([new SpecError(file, 0, 0, "a spec is exactly one YAML document")]);
        }

        var nodes = new SpecNodes(file);
        var root = nodes.Mapping(stream.Documents[0].RootNode, "", SpecKeys.Root);
        if (root is null)
        {
            throw new SpecException(nodes.Errors.Count > 0 ? nodes.Errors : [new SpecError(file, 1, 1, "the spec must be a mapping")]);
        }

        var version = nodes.Integer(root, "version", "", 1);
        if (version != 1 && SpecNodes.Child(root, "version") is { } versionNode)
        {
            nodes.Error(versionNode, $"spec version {version} is not supported (this pcizone reads version 1)");
        }

        var organization = SpecSections.Organization(nodes, root);
        var spec = new ZoneSpec(
            file,
            organization,
            SpecSections.Accounts(nodes, root, organization.HomeRegion),
            SpecSections.Network(nodes, root),
            SpecSections.Identity(nodes, root),
            SpecSections.Logging(nodes, root),
            SpecSections.State(nodes, root, organization),
            SpecSections.Guardrails(nodes, root),
            nodes.StringMap(root, "tags", ""));
        if (nodes.Errors.Count > 0)
        {
            throw new SpecException(nodes.Errors);
        }

        return spec;
    }
}
