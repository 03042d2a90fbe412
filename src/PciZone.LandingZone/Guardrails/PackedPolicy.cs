using System.Text.Json.Nodes;

namespace PciZone.LandingZone.Guardrails;

/// <summary>One SCP the zone creates: its document, where it is attached, and which guardrails it carries.</summary>
internal sealed record PackedPolicy(
    string Name,
    string Description,
    string Target,
    JsonObject Document,
    int Characters,
    IReadOnlyList<string> GuardrailIds,
    IReadOnlyList<string> Requirements);
