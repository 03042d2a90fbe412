namespace PciZone.Vault.Server.Hosting;

/// <summary>How the vault service listens and whom it lets in.</summary>
public sealed record VaultServerOptions
{
    /// <summary>Listen URLs (<c>http://127.0.0.1:8443</c>; https needs <see cref="TlsCertificatePath"/>).</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:8080"];

    /// <summary>PKCS#12 certificate for HTTPS; when set, only TLS 1.2 and 1.3 are offered.</summary>
    public string? TlsCertificatePath { get; init; }

    /// <summary>Password of the certificate file.</summary>
    public string? TlsCertificatePassword { get; init; }

    /// <summary>API clients: id, roles, and the SHA-256 of their key (the key itself is never stored).</summary>
    public IReadOnlyList<ApiClient> ApiClients { get; init; } = [];

    /// <summary>JWT bearer validation, or null to accept API keys only.</summary>
    public JwtSettings? Jwt { get; init; }

    /// <summary>Requests per second each client may make (token bucket), and its burst.</summary>
    public int RatePerSecond { get; init; } = 5_000;

    /// <summary>Token bucket size per client.</summary>
    public int RateBurst { get; init; } = 10_000;

    /// <summary>Largest request body in bytes (a batch of 1,000 PANs is about 60 KB).</summary>
    public long MaxRequestBytes { get; init; } = 256 * 1024;

    /// <summary>Most items in one batch request.</summary>
    public int MaxBatchItems { get; init; } = 1_000;
}

/// <summary>An API client. <see cref="KeySha256"/> is the lower-case hex SHA-256 of the key.</summary>
public sealed record ApiClient(string Id, string KeySha256, IReadOnlyList<string> Roles);

/// <summary>JWT validation: issuer, audience and an HMAC-SHA256 signing secret (base64, at least 32 bytes).</summary>
public sealed record JwtSettings(string Issuer, string Audience, string SigningKeyBase64);

/// <summary>The roles a client can hold.</summary>
public static class VaultRoles
{
    /// <summary>May tokenise and mask; never sees a PAN.</summary>
    public const string TokenizeOnly = "tokenize";

    /// <summary>May also detokenise.</summary>
    public const string Detokenize = "detokenize";

    /// <summary>May also rotate keys.</summary>
    public const string Admin = "admin";

    /// <summary>All roles.</summary>
    public static IReadOnlyList<string> All { get; } = [TokenizeOnly, Detokenize, Admin];
}
