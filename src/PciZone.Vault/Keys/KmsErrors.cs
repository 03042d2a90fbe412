namespace PciZone.Vault.Keys;

/// <summary>What KMS error codes (KMS API reference, Encrypt/Decrypt errors and common errors) mean for an operator.</summary>
internal static class KmsErrors
{
    public static string Explain(string? code, string operation) => code switch
    {
        "AccessDeniedException" => $"access denied; the key policy or IAM policy does not allow kms:{operation} for this principal",
        "NotFoundException" => "the key does not exist (check the ARN, account and region)",
        "DisabledException" => "the key is disabled",
        "KMSInvalidStateException" => "the key's state does not allow this operation (for example pending deletion or pending import)",
        "InvalidCiphertextException" => "the wrapped data key was not produced by this key with this encryption context, or it was modified",
        "IncorrectKeyException" => "the wrapped data key was produced by another KMS key",
        "InvalidKeyUsageException" => "the key is not a symmetric ENCRYPT_DECRYPT key",
        "KeyUnavailableException" or "DependencyTimeoutException" or "KMSInternalException" => "KMS is temporarily unavailable; retry later",
        "UnrecognizedClientException" or "InvalidSignatureException" or "ExpiredTokenException" => "the AWS credentials were rejected",
        "ThrottlingException" => "KMS throttled the request; retry later",
        _ => "KMS refused the request",
    };
}
