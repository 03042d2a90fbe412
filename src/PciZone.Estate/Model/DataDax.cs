namespace PciZone.Estate;

/// <summary>A DynamoDB Accelerator (DAX) cluster.</summary>
public sealed record DaxCluster : Resource
{
    /// <summary>Server-side encryption at rest (AWS default off).</summary>
    public Value<bool> EncryptedAtRest { get; init; }

    /// <summary>Endpoint encryption: <c>TLS</c> or <c>NONE</c> (AWS default).</summary>
    public Value<string> EndpointEncryption { get; init; }
}
