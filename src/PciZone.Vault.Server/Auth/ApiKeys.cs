using System.Security.Cryptography;
using System.Text;

namespace PciZone.Vault.Server.Auth;

/// <summary>API keys: how they are made and the only form in which the service keeps them.</summary>
public static class ApiKeys
{
    /// <summary>Lower-case hex SHA-256 of a key: what the configuration stores.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random API key: 256 bits, URL-safe base64.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
