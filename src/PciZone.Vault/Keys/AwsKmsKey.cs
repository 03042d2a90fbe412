using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;

namespace PciZone.Vault.Keys;

/// <summary>
/// The <c>aws-kms</c> KEK provider: wrap is KMS <c>Encrypt</c> and unwrap is KMS <c>Decrypt</c> with a symmetric
/// KMS key, both with the encryption context <c>pcizone:purpose = vault-data-key</c> so that a wrapped data key
/// only decrypts for this purpose and CloudTrail shows what each call was for. The KEK never leaves KMS.
/// </summary>
public sealed class AwsKmsKey : IKeyEncryptionKey, IDisposable
{
    /// <summary>The provider name.</summary>
    public const string ProviderName = "aws-kms";

    /// <summary>The encryption context key sent with every call.</summary>
    public const string ContextKey = "pcizone:purpose";

    /// <summary>The encryption context value sent with every call.</summary>
    public const string ContextValue = "vault-data-key";

    private readonly IAmazonKeyManagementService client;
    private readonly bool ownsClient;

    /// <summary>Uses an existing client (the caller keeps ownership).</summary>
    /// <exception cref="ArgumentException">The ARN is not a KMS key ARN.</exception>
    public AwsKmsKey(IAmazonKeyManagementService client, string keyArn)
        : this(client, keyArn, ownsClient: false)
    {
    }

    private AwsKmsKey(IAmazonKeyManagementService client, string keyArn, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        KmsKeyArn.Parse(keyArn);
        this.client = client;
        this.ownsClient = ownsClient;
        KeyId = keyArn;
    }

    /// <inheritdoc/>
    public string Provider => ProviderName;

    /// <inheritdoc/>
    public string KeyId { get; }

    /// <summary>Builds a KMS client from plain settings and returns a key that owns and disposes it.</summary>
    /// <exception cref="ArgumentException">The ARN is not a KMS key ARN or the region is unknown.</exception>
    public static AwsKmsKey Connect(AwsKmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var arn = KmsKeyArn.Parse(options.KeyArn);
        var region = options.Region ?? arn.Region;
        var config = new AmazonKeyManagementServiceConfig();
        if (options.EndpointUrl is { Length: > 0 } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }

        AWSCredentials? credentials = options.AccessKeyId is { Length: > 0 } id && options.SecretAccessKey is { Length: > 0 } secret
            ? options.SessionToken is { Length: > 0 } token ? new SessionAWSCredentials(id, secret, token) : new BasicAWSCredentials(id, secret)
            : null;
        var kms = credentials is null ? new AmazonKeyManagementServiceClient(config) : new AmazonKeyManagementServiceClient(credentials, config);
        return new AwsKmsKey(kms, options.KeyArn, ownsClient: true);
    }

    /// <inheritdoc/>
    public async Task<byte[]> WrapAsync(ReadOnlyMemory<byte> dataKey, CancellationToken ct)
    {
        var plain = SecretBytes.PinnedCopy(dataKey.Span);
        try
        {
            using var stream = new MemoryStream(plain, writable: false);
            var request = new EncryptRequest { KeyId = KeyId, Plaintext = stream, EncryptionContext = Context() };
            var response = await Call("Encrypt", () => client.EncryptAsync(request, ct));
            return response.CiphertextBlob?.ToArray() is { Length: > 0 } blob
                ? blob
                : throw new KeyManagementException($"AWS KMS Encrypt with key {KeyId} returned no ciphertext.");
        }
        finally
        {
            SecretBytes.Zero(plain);
        }
    }

    /// <inheritdoc/>
    public async Task<byte[]> UnwrapAsync(ReadOnlyMemory<byte> wrapped, CancellationToken ct)
    {
        using var blob = new MemoryStream(wrapped.ToArray(), writable: false);
        var request = new DecryptRequest { KeyId = KeyId, CiphertextBlob = blob, EncryptionContext = Context() };
        var response = await Call("Decrypt", () => client.DecryptAsync(request, ct));
        if (response.KeyId is { Length: > 0 } used && !string.Equals(used, KeyId, StringComparison.Ordinal))
        {
            throw new KeyManagementException($"AWS KMS Decrypt answered with key {used}, not the configured key {KeyId}.");
        }

        var stream = response.Plaintext ?? throw new KeyManagementException($"AWS KMS Decrypt with key {KeyId} returned no plaintext.");
        // The SDK's buffer holds the key too; clear it rather than wait for the GC.
        if (stream.TryGetBuffer(out var segment))
        {
            var plain = SecretBytes.PinnedCopy(segment);
            CryptographicOperations.ZeroMemory(segment);
            return plain;
        }

        var copy = stream.ToArray();
        try
        {
            return SecretBytes.PinnedCopy(copy);
        }
        finally
        {
            SecretBytes.Zero(copy);
        }
    }

    /// <summary>Disposes the client if this key created it.</summary>
    public void Dispose()
    {
        if (ownsClient)
        {
            client.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"aws-kms KEK {KeyId}";

    private static Dictionary<string, string> Context() => new(StringComparer.Ordinal) { [ContextKey] = ContextValue };

    private async Task<T> Call<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonServiceException ex)
        {
            throw new KeyManagementException(
                $"AWS KMS {operation} with key {KeyId} failed: {KmsErrors.Explain(ex.ErrorCode, operation)} ({ex.ErrorCode ?? ex.StatusCode.ToString()}).",
                ex.ErrorCode,
                ex);
        }
        catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or IOException)
        {
            throw new KeyManagementException($"AWS KMS {operation} with key {KeyId} failed: KMS could not be reached ({ex.GetType().Name}).", ex);
        }
    }
}
