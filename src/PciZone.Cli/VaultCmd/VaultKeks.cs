using PciZone.Vault.Keys;

namespace PciZone.Cli.VaultCmd;

/// <summary>
/// The key-encryption key a vault command opens: an AWS KMS key when an ARN is given, else the development
/// key file <c>kek.json</c> in the data folder, whose passphrase comes from <c>PCIZONE_VAULT_PASSPHRASE</c>
/// or the generated <c>dev-passphrase</c> file beside it.
/// </summary>
internal static class VaultKeks
{
    public const string LocalFile = "kek.json";

    public static IKeyEncryptionKey Kms(CliHost host, string arn, string? endpoint, string? region)
    {
        try
        {
            return AwsKmsKey.Connect(new AwsKmsOptions(arn)
            {
                EndpointUrl = endpoint,
                Region = region,
                AccessKeyId = host.Environment("AWS_ACCESS_KEY_ID"),
                SecretAccessKey = host.Environment("AWS_SECRET_ACCESS_KEY"),
                SessionToken = host.Environment("AWS_SESSION_TOKEN"),
            });
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"KMS key '{arn}': {ex.Message}");
        }
    }

    /// <summary>The development key in <paramref name="data"/>; created when <paramref name="create"/> and missing.</summary>
    public static LocalKeyFile Local(CliHost host, string data, bool create) => Local(host, Path.Combine(data, LocalFile), data, create);

    public static LocalKeyFile Local(CliHost host, string file, string data, bool create)
    {
        if (!create && !File.Exists(file))
        {
            throw new UsageException($"{file}: no local key file (the vault was set up with --kms-key? then give it)");
        }

        var passphrase = host.Environment("PCIZONE_VAULT_PASSPHRASE") ?? DevSecrets.Passphrase(data, host);
        try
        {
            return File.Exists(file) ? LocalKeyFile.Open(file, passphrase) : LocalKeyFile.Create(file, passphrase);
        }
        catch (KeyManagementException ex)
        {
            throw new UsageException($"{file}: {ex.Message}");
        }
    }
}
