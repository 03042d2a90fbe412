using YamlDotNet.RepresentationModel;

namespace PciZone.Cli.Config;

/// <summary>
/// The <c>vault:</c> section of a config file, read by <c>vault serve --config FILE</c>. Every key is a
/// <c>vault serve</c> option without its dashes, in camelCase; an option given on the command line wins.
/// Paths are relative to the file. Secrets never go in the file, only the names of the environment
/// variables that hold them:
/// <code>
/// vault:
///   data: /var/lib/pcizone-vault
///   urls: [https://0.0.0.0:8443]
///   postgresEnv: PCIZONE_VAULT_DB
///   kmsKey: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
///   tlsCert: /etc/pcizone/vault.p12
///   tlsPasswordEnv: PCIZONE_VAULT_CERT_PASSWORD
///   apiKeys: /etc/pcizone/api-clients.json
///   jwtIssuer: https://idp.example.com
///   jwtSecretEnv: PCIZONE_VAULT_JWT_SECRET
///   rate: 2000
///   cryptoPeriodDays: 365
/// </code>
/// </summary>
internal sealed record VaultConfig(
    string Path,
    string? Data,
    IReadOnlyList<string>? Urls,
    string? PostgresEnv,
    string? KmsKey,
    string? KmsEndpointUrl,
    string? Region,
    string? TlsCert,
    string? TlsPasswordEnv,
    string? ApiKeys,
    string? JwtIssuer,
    string? JwtAudience,
    string? JwtSecretEnv,
    int? Rate,
    int? CryptoPeriodDays)
{
    private static readonly string[] Keys =
    [
        "data", "urls", "postgresEnv", "kmsKey", "kmsEndpointUrl", "region", "tlsCert", "tlsPasswordEnv",
        "apiKeys", "jwtIssuer", "jwtAudience", "jwtSecretEnv", "rate", "cryptoPeriodDays",
    ];

    public static VaultConfig Read(string path, YamlNode node)
    {
        var map = node as YamlMappingNode ?? throw ConfigFile.Error(path, node, "'vault' must be a mapping");
        ConfigFile.CheckKeys(path, map, Keys, "vault.");
        var baseDir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        string? Text(string key) => ConfigFile.Scalar(path, map, key) is { Length: > 0 } v ? v : null;
        string? FilePath(string key) => Text(key) is { } v ? System.IO.Path.GetFullPath(v, baseDir) : null;
        return new VaultConfig(path, FilePath("data"), ConfigFile.List(path, map, "urls"), Text("postgresEnv"), Text("kmsKey"),
            Text("kmsEndpointUrl"), Text("region"), FilePath("tlsCert"), Text("tlsPasswordEnv"), FilePath("apiKeys"),
            Text("jwtIssuer"), Text("jwtAudience"), Text("jwtSecretEnv"), ConfigFile.Number(path, map, "rate", "vault", 1, int.MaxValue),
            ConfigFile.Number(path, map, "cryptoPeriodDays", "vault", 1, 3650));
    }
}
