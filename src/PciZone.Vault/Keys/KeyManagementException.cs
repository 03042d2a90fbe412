namespace PciZone.Vault.Keys;

/// <summary>
/// A key could not be created, opened, wrapped or unwrapped: wrong passphrase, modified key file, a data key
/// wrapped under another KEK, or a refusal by the key provider. The message names the key file or key ARN and
/// the reason; it never contains key material.
/// </summary>
public sealed class KeyManagementException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeyManagementException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public KeyManagementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a provider error code (e.g. KMS <c>AccessDeniedException</c>).</summary>
    public KeyManagementException(string message, string? providerErrorCode, Exception? innerException)
        : base(message, innerException)
    {
        ProviderErrorCode = providerErrorCode;
    }

    /// <summary>Creates the exception without a message.</summary>
    public KeyManagementException()
    {
    }

    /// <summary>The provider's error code when the provider refused (e.g. <c>DisabledException</c>), else null.</summary>
    public string? ProviderErrorCode { get; }
}
