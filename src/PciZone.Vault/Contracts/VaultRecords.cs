namespace PciZone.Vault.Contracts;

/// <summary>Why a data key exists: each purpose has its own key and its own versions.</summary>
public enum KeyPurpose
{
    /// <summary>FF1 key for deterministic format-preserving tokens.</summary>
    Ff1,

    /// <summary>AES-256-GCM key that encrypts stored PANs (PCI DSS 3.5.1.2).</summary>
    FieldEncryption,

    /// <summary>HMAC-SHA256 key that finds the existing token of a PAN (PCI DSS 3.5.1.1).</summary>
    Lookup,
}

/// <summary>
/// One version of a data key as stored: its material only ever wrapped by a key-encryption key.
/// </summary>
/// <param name="Purpose">What the key is for.</param>
/// <param name="Version">1, 2, ...: new tokens use the newest active version.</param>
/// <param name="WrappedKey">The data key encrypted by the KEK (never the plain key).</param>
/// <param name="KekProvider">Which provider wrapped it (<c>local</c>, <c>aws-kms</c>).</param>
/// <param name="KekId">The KEK's identity at the provider (a key file id, a KMS key ARN).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ActivatedAt">When it became the version for new work.</param>
/// <param name="RetiredAt">When it stopped being used for new work (still decrypts old data).</param>
/// <param name="CryptoPeriodEnds">End of its crypto-period (PCI DSS 3.7.4): rotate before this.</param>
public sealed record StoredDataKey(
    KeyPurpose Purpose,
    int Version,
    byte[] WrappedKey,
    string KekProvider,
    string KekId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ActivatedAt,
    DateTimeOffset? RetiredAt,
    DateTimeOffset CryptoPeriodEnds);

/// <summary>
/// A token and the encrypted PAN behind it. The PAN itself is never stored or logged: only
/// <see cref="EncryptedPan"/> (AES-GCM under a field-encryption key version) and <see cref="Lookup"/>
/// (HMAC-SHA256 under a lookup key version) exist at rest.
/// </summary>
/// <param name="Token">The token value handed to callers.</param>
/// <param name="Lookup">HMAC of the PAN (and the token profile) under lookup key <paramref name="LookupKeyVersion"/>.</param>
/// <param name="LookupKeyVersion">Lookup key version of <paramref name="Lookup"/>.</param>
/// <param name="EncryptedPan">nonce || ciphertext || tag.</param>
/// <param name="FieldKeyVersion">Field-encryption key version of <paramref name="EncryptedPan"/>.</param>
/// <param name="Profile">The token profile that made it (kind and format options, e.g. <c>random-keep-last4-luhn</c>).</param>
/// <param name="Last4">The PAN's last four digits (allowed to be shown unmasked, 3.4.1), for metadata.</param>
/// <param name="CreatedAt">When the token was created.</param>
/// <param name="CreatedBy">The client that created it.</param>
public sealed record TokenRecord(
    string Token,
    byte[] Lookup,
    int LookupKeyVersion,
    byte[] EncryptedPan,
    int FieldKeyVersion,
    string Profile,
    string Last4,
    DateTimeOffset CreatedAt,
    string CreatedBy);

/// <summary>
/// One entry of the hash-chained audit log: who did what, when, with which outcome; never the PAN.
/// <see cref="Hash"/> = SHA-256 over the previous hash and the canonical encoding of this entry's fields.
/// </summary>
/// <param name="Sequence">1, 2, ... without gaps.</param>
/// <param name="At">When.</param>
/// <param name="Actor">The client id or administrator.</param>
/// <param name="Action"><c>tokenize</c>, <c>detokenize</c>, <c>mask</c>, <c>key.create</c>, <c>key.rotate</c>, <c>key.rewrap</c>, ...</param>
/// <param name="Subject">The token, key purpose and version, or batch size: never a PAN.</param>
/// <param name="Outcome"><c>ok</c>, <c>denied</c>, <c>invalid</c>, <c>error</c>.</param>
/// <param name="PreviousHash">The previous entry's hash (32 zero bytes for the first).</param>
/// <param name="Hash">This entry's hash.</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Subject,
    string Outcome,
    byte[] PreviousHash,
    byte[] Hash);
