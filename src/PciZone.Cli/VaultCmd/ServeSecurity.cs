using System.Text.Json;
using System.Text.Json.Nodes;
using PciZone.Vault.Server.Auth;
using PciZone.Vault.Server.Hosting;

namespace PciZone.Cli.VaultCmd;

/// <summary>The service's listen, TLS, client and JWT settings from the command line and files.</summary>
internal static class ServeSecurity
{
    public static VaultServerOptions Options(CliHost host, ServeRequest req) => new()
    {
        Urls = req.Urls,
        TlsCertificatePath = req.TlsCert,
        TlsCertificatePassword = req.TlsPasswordEnv is { } v ? host.Environment(v) : null,
        ApiClients = req.ApiKeys is { } file ? ReadClients(file) : DevSecrets.ApiClients(req.Data, host),
        Jwt = req.JwtIssuer is { } issuer
            ? new JwtSettings(issuer, req.JwtAudience, host.Environment(req.JwtSecretEnv!) ?? throw new UsageException($"--jwt-secret-env: {req.JwtSecretEnv} is not set"))
            : null,
        RatePerSecond = req.Rate,
        RateBurst = req.Rate * 2,
    };

    private static List<ApiClient> ReadClients(string file)
    {
        try
        {
            var clients = new List<ApiClient>();
            foreach (var (item, i) in (JsonNode.Parse(File.ReadAllText(file))?.AsArray() ?? []).Select((n, i) => (n, i)))
            {
                var id = item?["id"]?.GetValue<string>();
                var hash = item?["sha256"]?.GetValue<string>();
                var roles = item?["roles"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
                if (id is null || hash is not { Length: 64 } || roles.Count == 0 || roles.Any(r => !VaultRoles.All.Contains(r)))
                {
                    throw new UsageException($"{file}: client {i + 1} needs an id, a 64-hex-digit sha256 and roles from {string.Join(", ", VaultRoles.All)}");
                }

                clients.Add(new ApiClient(id, hash, roles));
            }

            return clients;
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw new UsageException($"{file}: cannot read API clients: {ex.Message}");
        }
    }
}

/// <summary>
/// Development secrets, generated once into the data folder with owner-only permissions: the local key's
/// passphrase and one API key per role. Production passes --kms-key and --api-keys instead.
/// </summary>
internal static class DevSecrets
{
    public static string Passphrase(string data, CliHost host)
    {
        var file = Path.Combine(data, "dev-passphrase");
        if (!File.Exists(file))
        {
            WriteOwnerOnly(file, ApiKeys.NewKey());
            host.Log($"development mode: generated the local key's passphrase in {file}; use --kms-key in production");
        }

        return File.ReadAllText(file).Trim();
    }

    public static List<ApiClient> ApiClients(string data, CliHost host)
    {
        var file = Path.Combine(data, "dev-api-keys.json");
        if (!File.Exists(file))
        {
            var keys = new JsonArray();
            foreach (var role in VaultRoles.All)
            {
                keys.Add(new JsonObject { ["id"] = $"dev-{role}", ["roles"] = new JsonArray(role), ["key"] = ApiKeys.NewKey() });
            }

            WriteOwnerOnly(file, keys.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            host.Log($"development mode: generated API keys for the roles {string.Join(", ", VaultRoles.All)} in {file}");
        }

        return [.. (JsonNode.Parse(File.ReadAllText(file))?.AsArray() ?? []).Select(n => new ApiClient(
            n!["id"]!.GetValue<string>(), ApiKeys.HashOf(n["key"]!.GetValue<string>()), [.. n["roles"]!.AsArray().Select(r => r!.GetValue<string>())]))];
    }

    private static void WriteOwnerOnly(string file, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(file, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }
}
