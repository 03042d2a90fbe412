using System.Text.Json;

namespace PciZone.Compliance;

/// <summary>The PCI DSS v4.0.1 requirement tree (our own words), embedded in the assembly.</summary>
public sealed class RequirementCatalogue
{
    private readonly Dictionary<string, Requirement> _byId;

    private RequirementCatalogue(IReadOnlyList<Requirement> requirements)
    {
        Requirements = requirements;
        _byId = requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>All requirements in document order.</summary>
    public IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>The embedded PCI DSS v4.0.1 catalogue.</summary>
    public static RequirementCatalogue PciDss401 { get; } = LoadEmbedded();

    /// <summary>The requirement with this id, or null.</summary>
    public Requirement? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>True when the id exists.</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>Parses a catalogue JSON stream (an array of {id, parent, summary, automation}).</summary>
    public static RequirementCatalogue Parse(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<Requirement>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var automation = e.GetProperty("automation").GetString() switch
            {
                "automated" => AutomationClass.Automated,
                "partial" => AutomationClass.Partial,
                _ => AutomationClass.Process,
            };
            list.Add(new Requirement(
                e.GetProperty("id").GetString()!,
                e.TryGetProperty("parent", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null,
                e.GetProperty("summary").GetString() ?? "",
                automation,
                list.Count));
        }

        return new RequirementCatalogue(list);
    }

    private static RequirementCatalogue LoadEmbedded()
    {
        using var s = typeof(RequirementCatalogue).Assembly.GetManifestResourceStream("catalogue/pci-dss-4.0.1-requirements.json")
                      ?? throw new InvalidOperationException("embedded requirement catalogue missing");
        return Parse(s);
    }
}
