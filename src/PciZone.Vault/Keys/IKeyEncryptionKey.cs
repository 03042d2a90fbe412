namespace PciZone.Vault.Keys;

/// <summary>
/// A key-encryption key (KEK) at a provider: it wraps and unwraps data keys and never hands out its own
/// material. Implementations: <see cref="LocalKeyFile"/> (<c>local</c>) and <see cref="AwsKmsKey"/> (<c>aws-kms</c>).
/// </summary>
public interface IKeyEncryptionKey
{
    /// <summary>The provider name stored with every wrapped key: <c>local</c> or <c>aws-kms</c>.</summary>
    string Provider { get; }

    /// <summary>The KEK's identity at its provider (a key file id, a KMS key ARN); not secret.</summary>
    string KeyId { get; }

    /// <summary>Encrypts a data key under this KEK.</summary>
    /// <exception cref="KeyManagementException">The provider refused or could not be reached.</exception>
    Task<byte[]> WrapAsync(ReadOnlyMemory<byte> dataKey, CancellationToken ct);

    /// <summary>Decrypts a data key wrapped by <see cref="WrapAsync"/>; the caller zeroes the result when done.</summary>
    /// <exception cref="KeyManagementException">Wrong KEK, modified input, or the provider refused.</exception>
    Task<byte[]> UnwrapAsync(ReadOnlyMemory<byte> wrapped, CancellationToken ct);
}
