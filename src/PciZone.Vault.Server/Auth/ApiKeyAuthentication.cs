using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PciZone.Vault.Server.Hosting;

namespace PciZone.Vault.Server.Auth;

/// <summary>Options of the API-key scheme: the clients, indexed by the SHA-256 of their key.</summary>
internal sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public Dictionary<string, ApiClient> ByHash { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// <c>Authorization: ApiKey KEY</c> or <c>X-Api-Key: KEY</c>. Keys are random and long, so one SHA-256
/// is enough to store them (a slow password hash would only slow every request); the comparison happens
/// on hashes, so the time taken does not depend on how much of a guessed key is right.
/// </summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? key = null;
        if (Request.Headers.TryGetValue("X-Api-Key", out var header))
        {
            key = header.ToString();
        }
        else if (Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith(SchemeName + " ", StringComparison.Ordinal))
        {
            key = auth[(SchemeName.Length + 1)..].Trim();
        }

        if (string.IsNullOrEmpty(key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!Options.ByHash.TryGetValue(ApiKeys.HashOf(key), out var client))
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, client.Id) };
        claims.AddRange(client.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
