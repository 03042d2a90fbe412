using System.Text.Json.Serialization;
using PciZone.Vault.Contracts;
using PciZone.Vault.Service;

namespace PciZone.Vault.Server.Api;

/// <summary>POST /v1/tokenize.</summary>
public sealed record TokenizeRequest(string? Pan, string? Profile);

/// <summary>A token; <c>created</c> is false when the PAN already had one.</summary>
public sealed record TokenizeResponse(string Token, bool Created);

/// <summary>POST /v1/detokenize.</summary>
public sealed record DetokenizeRequest(string? Token);

/// <summary>The PAN of a token.</summary>
public sealed record DetokenizeResponse(string Pan);

/// <summary>POST /v1/tokenize/batch: up to 1,000 PANs under one profile.</summary>
public sealed record BatchTokenizeRequest(IReadOnlyList<string>? Pans, string? Profile);

/// <summary>POST /v1/detokenize/batch.</summary>
public sealed record BatchDetokenizeRequest(IReadOnlyList<string>? Tokens);

/// <summary>One batch result: a token or a PAN, or an error code (never the input).</summary>
public sealed record BatchResult(int Index, string? Token, bool? Created, string? Pan, string? Error);

/// <summary>Batch results in request order.</summary>
public sealed record BatchResponse(IReadOnlyList<BatchResult> Items);

/// <summary>POST /v1/mask.</summary>
public sealed record MaskRequest(string? Pan, int? KeepFirst, int? KeepLast);

/// <summary>A masked PAN.</summary>
public sealed record MaskResponse(string Masked);

/// <summary>POST /v1/keys/rotate: one purpose, or all when none is given.</summary>
public sealed record RotateRequest(string? Purpose);

/// <summary>The new key versions.</summary>
public sealed record RotateResponse(IReadOnlyList<RotatedKey> Rotated);

/// <summary>POST /v1/keys/reencrypt: moves up to <c>batchSize</c> tokens to the newest keys.</summary>
public sealed record ReencryptRequest(int? BatchSize);

/// <summary>GET /health/ready.</summary>
public sealed record HealthResponse(string Status);

/// <summary>Source-generated JSON for every body the service reads or writes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenizeRequest))]
[JsonSerializable(typeof(TokenizeResponse))]
[JsonSerializable(typeof(DetokenizeRequest))]
[JsonSerializable(typeof(DetokenizeResponse))]
[JsonSerializable(typeof(BatchTokenizeRequest))]
[JsonSerializable(typeof(BatchDetokenizeRequest))]
[JsonSerializable(typeof(BatchResponse))]
[JsonSerializable(typeof(MaskRequest))]
[JsonSerializable(typeof(MaskResponse))]
[JsonSerializable(typeof(RotateRequest))]
[JsonSerializable(typeof(RotateResponse))]
[JsonSerializable(typeof(ReencryptRequest))]
[JsonSerializable(typeof(ReencryptResult))]
[JsonSerializable(typeof(TokenMetadata))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(KeyPurpose))]
internal sealed partial class VaultJsonContext : JsonSerializerContext;
