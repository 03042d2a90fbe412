using System.CommandLine;
using PciZone.Cli.Config;

namespace PciZone.Cli.VaultCmd;

/// <summary>The options of <c>vault serve</c>.</summary>
internal sealed class ServeOptions
{
    private readonly Option<string> _config = new("--config") { Description = "Config file with a vault: section (these options in camelCase; an option given here wins).", HelpName = "FILE" };
    private readonly Option<string> _data = new("--data") { Description = $"Data folder: SQLite store, development key and API keys. [default: {VaultStorage.DefaultData}]", HelpName = "DIR" };
    private readonly Option<string[]> _urls = new("--urls") { Description = "Listen URLs (repeatable). [default: http://127.0.0.1:8080]", HelpName = "URL" };
    private readonly Option<string> _postgres = new("--postgres-env") { Description = "Use PostgreSQL: the environment variable holding the connection string.", HelpName = "VAR" };
    private readonly Option<string> _kms = new("--kms-key") { Description = "Wrap data keys with this AWS KMS key ARN instead of the local development key.", HelpName = "ARN" };
    private readonly Option<string> _kmsEndpoint = new("--kms-endpoint-url") { Description = "KMS endpoint (VPC endpoint, emulator).", HelpName = "URL" };
    private readonly Option<string> _region = new("--region") { Description = "AWS region of the KMS key. [default: from the ARN]", HelpName = "REGION" };
    private readonly Option<string> _tls = new("--tls-cert") { Description = "PKCS#12 certificate: serve HTTPS with TLS 1.2 and 1.3 only.", HelpName = "FILE" };
    private readonly Option<string> _tlsPassword = new("--tls-password-env") { Description = "Environment variable holding the certificate's password.", HelpName = "VAR" };
    private readonly Option<string> _apiKeys = new("--api-keys") { Description = "JSON file of API clients [{\"id\", \"roles\", \"sha256\"}]. [default: generated development keys in the data folder]", HelpName = "FILE" };
    private readonly Option<string> _jwtIssuer = new("--jwt-issuer") { Description = "Accept JWT bearer tokens from this issuer (HS256; roles in the 'roles' claim).", HelpName = "ISSUER" };
    private readonly Option<string> _jwtAudience = new("--jwt-audience") { Description = "The audience JWTs must name. [default: pcizone-vault]", HelpName = "AUDIENCE" };
    private readonly Option<string> _jwtSecret = new("--jwt-secret-env") { Description = "Environment variable holding the base64 HS256 signing secret.", HelpName = "VAR" };
    private readonly Option<int?> _rate = new("--rate") { Description = "Requests per second per client. [default: 5000]", HelpName = "N" };
    private readonly Option<int?> _period = new("--crypto-period-days") { Description = "Crypto-period of new data keys (PCI DSS 3.7.4). [default: 365]", HelpName = "DAYS" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _config, _data, _urls, _postgres, _kms, _kmsEndpoint, _region, _tls, _tlsPassword, _apiKeys, _jwtIssuer, _jwtAudience, _jwtSecret, _rate, _period })
        {
            command.Options.Add(option);
        }
    }

    public ServeRequest Read(ParseResult p)
    {
        var c = VaultSection(p.GetValue(_config));
        var req = new ServeRequest(
            Path.GetFullPath(p.GetValue(_data) ?? c?.Data ?? VaultStorage.DefaultData),
            p.GetValue(_urls) is { Length: > 0 } u ? u : c?.Urls is { Count: > 0 } cu ? cu : ["http://127.0.0.1:8080"],
            p.GetValue(_postgres) ?? c?.PostgresEnv, p.GetValue(_kms) ?? c?.KmsKey, p.GetValue(_kmsEndpoint) ?? c?.KmsEndpointUrl,
            p.GetValue(_region) ?? c?.Region, p.GetValue(_tls) ?? c?.TlsCert, p.GetValue(_tlsPassword) ?? c?.TlsPasswordEnv,
            p.GetValue(_apiKeys) ?? c?.ApiKeys, p.GetValue(_jwtIssuer) ?? c?.JwtIssuer, p.GetValue(_jwtAudience) ?? c?.JwtAudience ?? "pcizone-vault",
            p.GetValue(_jwtSecret) ?? c?.JwtSecretEnv, p.GetValue(_rate) ?? c?.Rate ?? 5_000, p.GetValue(_period) ?? c?.CryptoPeriodDays ?? 365);
        if (req.Urls.Any(url => url.StartsWith("https:", StringComparison.OrdinalIgnoreCase)) && req.TlsCert is null)
        {
            throw new UsageException("--urls: an https URL needs --tls-cert");
        }

        if ((req.JwtIssuer is null) != (req.JwtSecretEnv is null))
        {
            throw new UsageException("--jwt-issuer and --jwt-secret-env go together");
        }

        if (req.Rate < 1 || req.CryptoPeriodDays is < 1 or > 3650)
        {
            throw new UsageException("--rate must be at least 1 and --crypto-period-days from 1 to 3650");
        }

        return req;
    }

    private static VaultConfig? VaultSection(string? path)
    {
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: config file not found");
        }

        return ConfigFile.Load(path).Vault ?? throw new UsageException($"{path}: no vault: section");
    }
}

/// <summary>One <c>vault serve</c> invocation.</summary>
internal sealed record ServeRequest(
    string Data, IReadOnlyList<string> Urls, string? PostgresEnv, string? KmsKey, string? KmsEndpoint, string? Region, string? TlsCert, string? TlsPasswordEnv,
    string? ApiKeys, string? JwtIssuer, string JwtAudience, string? JwtSecretEnv, int Rate, int CryptoPeriodDays);
