using PciZone.Vault.Contracts;

namespace PciZone.Vault.Service;

/// <summary>The token of a card number.</summary>
/// <param name="Token">The token.</param>
/// <param name="Created">True when this call made the token; false when the card number already had one for the profile.</param>
public sealed record TokenizeResult(string Token, bool Created);

/// <summary>One item of a batch answer, at the index of its input: either a value or an error code.</summary>
/// <param name="Index">Position of the item in the request.</param>
/// <param name="Value">The result, or null when <paramref name="Error"/> is set.</param>
/// <param name="Error">A <see cref="Tokens.VaultErrorCodes"/> code, or null on success.</param>
public sealed record BatchItem<T>(int Index, T? Value, string? Error)
    where T : class;

/// <summary>What the vault may say about a token without revealing the card number.</summary>
/// <param name="Token">The token.</param>
/// <param name="Profile">The profile that made it (FF1 profiles end in the FF1 key version, <c>/v1</c>).</param>
/// <param name="Last4">The card number's last four digits.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">The client that created it.</param>
/// <param name="FieldKeyVersion">Version of the field-encryption key protecting the stored card number.</param>
/// <param name="LookupKeyVersion">Version of the lookup (HMAC) key of its lookup value.</param>
/// <param name="Ff1KeyVersion">Version of the FF1 key for FF1 tokens, else null.</param>
public sealed record TokenMetadata(
    string Token,
    string Profile,
    string Last4,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    int FieldKeyVersion,
    int LookupKeyVersion,
    int? Ff1KeyVersion);

/// <summary>A data key version made by <see cref="TokenVault.RotateKeysAsync"/>.</summary>
/// <param name="Purpose">The key's purpose.</param>
/// <param name="Version">The new active version.</param>
public sealed record RotatedKey(KeyPurpose Purpose, int Version);

/// <summary>Outcome of a re-encryption run.</summary>
/// <param name="Updated">Tokens moved to the newest field-encryption and lookup keys.</param>
/// <param name="Failed">Tokens that could not be moved (left as they were; named in the audit log).</param>
public sealed record ReencryptResult(int Updated, int Failed);
