using System.Security.Cryptography;

namespace PciZone.Vault.Keys;

/// <summary>
/// The <c>local</c> KEK provider, for development and single-host installations: a random 256-bit KEK kept in a
/// file, encrypted with AES-256-GCM under a key derived from one passphrase, or from two passphrase components
/// held by two custodians (split knowledge). The file is created with mode 0600 and refused if group or others
/// can read it. Wrapped data keys are <c>01 | nonce (12) | AES-256-GCM(KEK, data key) | tag (16)</c> with the key
/// id as associated data. Dispose zeroes the KEK.
/// </summary>
public sealed class LocalKeyFile : IKeyEncryptionKey, IDisposable
{
    /// <summary>The provider name.</summary>
    public const string ProviderName = "local";

    /// <summary>Shortest accepted passphrase or passphrase component, in characters.</summary>
    public const int MinimumPassphraseLength = 12;

    private const byte WrapFormat = 1;
    private readonly byte[] kek;
    private bool disposed;

    private LocalKeyFile(string path, string keyId, int components, byte[] pinnedKek)
    {
        FilePath = path;
        KeyId = keyId;
        Components = components;
        kek = pinnedKek;
    }

    /// <inheritdoc/>
    public string Provider => ProviderName;

    /// <inheritdoc/>
    public string KeyId { get; }

    /// <summary>The key file.</summary>
    public string FilePath { get; }

    /// <summary>1 for one passphrase, 2 when the file needs two passphrase components (split knowledge).</summary>
    public int Components { get; }

    /// <summary>Creates a new key file protected by one passphrase; refuses to overwrite an existing file.</summary>
    /// <exception cref="KeyManagementException">The file exists, or the passphrase is too short.</exception>
    public static LocalKeyFile Create(string path, ReadOnlySpan<char> passphrase) =>
        LocalKeyFileIo.Create(path, passphrase, default, 1, LocalKeyFileFormat.DefaultIterations);

    /// <summary>
    /// Creates a new key file that opens only with both passphrase components, each known to a different
    /// custodian (split knowledge, dual control: PCI DSS 3.7.6).
    /// </summary>
    public static LocalKeyFile Create(string path, ReadOnlySpan<char> firstComponent, ReadOnlySpan<char> secondComponent) =>
        LocalKeyFileIo.Create(path, firstComponent, secondComponent, 2, LocalKeyFileFormat.DefaultIterations);

    /// <summary>Opens a key file protected by one passphrase.</summary>
    /// <exception cref="KeyManagementException">Missing, unreadable by policy, modified, or wrong passphrase.</exception>
    public static LocalKeyFile Open(string path, ReadOnlySpan<char> passphrase) =>
        LocalKeyFileIo.Open(path, passphrase, default, 1);

    /// <summary>Opens a key file that needs two passphrase components.</summary>
    /// <exception cref="KeyManagementException">Missing, unreadable by policy, modified, or a wrong component.</exception>
    public static LocalKeyFile Open(string path, ReadOnlySpan<char> firstComponent, ReadOnlySpan<char> secondComponent) =>
        LocalKeyFileIo.Open(path, firstComponent, secondComponent, 2);

    internal static LocalKeyFile FromKek(string path, string keyId, int components, byte[] pinnedKek) =>
        new(path, keyId, components, pinnedKek);

    /// <inheritdoc/>
    public Task<byte[]> WrapAsync(ReadOnlyMemory<byte> dataKey, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var output = new byte[1 + 12 + dataKey.Length + 16];
        output[0] = WrapFormat;
        var nonce = output.AsSpan(1, 12);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(kek, 16);
        gcm.Encrypt(nonce, dataKey.Span, output.AsSpan(13, dataKey.Length), output.AsSpan(13 + dataKey.Length), LocalKeyFileFormat.WrapAad(KeyId));
        return Task.FromResult(output);
    }

    /// <inheritdoc/>
    public Task<byte[]> UnwrapAsync(ReadOnlyMemory<byte> wrapped, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var input = wrapped.Span;
        if (input.Length < 1 + 12 + 16 || input[0] != WrapFormat)
        {
            throw new KeyManagementException($"A wrapped data key is not in the format of the local KEK provider (key {KeyId}).");
        }

        var plain = SecretBytes.Pinned(input.Length - 29);
        try
        {
            using var gcm = new AesGcm(kek, 16);
            gcm.Decrypt(input.Slice(1, 12), input.Slice(13, plain.Length), input[^16..], plain, LocalKeyFileFormat.WrapAad(KeyId));
            return Task.FromResult(plain);
        }
        catch (CryptographicException ex)
        {
            SecretBytes.Zero(plain);
            throw new KeyManagementException(
                $"A data key could not be unwrapped with local KEK {KeyId} ({FilePath}): it was wrapped by another key or modified.", ex);
        }
    }

    /// <summary>Zeroes the KEK.</summary>
    public void Dispose()
    {
        disposed = true;
        SecretBytes.Zero(kek);
    }

    /// <inheritdoc/>
    public override string ToString() => $"local KEK {KeyId}";
}
