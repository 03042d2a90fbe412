using System.Text.Json.Serialization;

namespace PciZone.Monitoring.Store;

/// <summary>Source-generated JSON for the few values the store keeps as JSON text.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StoreJson : JsonSerializerContext;
