using System.CommandLine;
using System.Globalization;
using PciZone.Vault.Keys;

namespace PciZone.Cli.VaultCmd;

/// <summary>
/// <c>pcizone vault keys rewrap</c>: KEK rotation (PCI DSS 3.6.1, 3.7.4, 3.7.5). Every data key version is
/// wrapped under the new key-encryption key, checked to unwrap to the same bytes, and stored; the audit log
/// records <c>key.rewrap</c>. Tokens and stored card numbers are not touched: only the wrapping changes.
/// An interrupted run is resumed by running it again.
/// </summary>
internal static class VaultKeysCommand
{
    private const string Actor = "pcizone-cli";

    public static Command Build(CliHost host)
    {
        var data = new Option<string>("--data") { Description = $"The vault's data folder. [default: {VaultStorage.DefaultData}]", HelpName = "DIR" };
        var postgres = new Option<string>("--postgres-env") { Description = "Name of the environment variable holding a PostgreSQL connection string.", HelpName = "VAR" };
        var kms = new Option<string>("--kms-key") { Description = "The current KEK, when it is an AWS KMS key. [default: the local key file in the data folder]", HelpName = "ARN" };
        var toKms = new Option<string>("--to-kms-key") { Description = "Re-wrap under this AWS KMS key; serve with --kms-key ARN afterwards.", HelpName = "ARN" };
        var toLocal = new Option<bool>("--to-new-local-key") { Description = "Re-wrap under a new local key file, which replaces kek.json (the old one is kept as kek.json.retired-TIME)." };
        var endpoint = new Option<string>("--kms-endpoint-url") { Description = "KMS endpoint (VPC endpoint, emulator).", HelpName = "URL" };
        var region = new Option<string>("--region") { Description = "AWS region of the KMS keys. [default: from the ARN]", HelpName = "REGION" };
        var rewrap = new Command("rewrap", "Re-wrap every data key version under a new key-encryption key (KEK rotation); audited as key.rewrap.")
        {
            data, postgres, kms, toKms, toLocal, endpoint, region,
        };
        rewrap.SetAction(async (parse, ct) =>
        {
            var dir = Path.GetFullPath(parse.GetValue(data) ?? VaultStorage.DefaultData);
            var (to, local) = (parse.GetValue(toKms), parse.GetValue(toLocal));
            if ((to is null) == !local)
            {
                throw new UsageException("give exactly one of --to-kms-key ARN and --to-new-local-key");
            }

            var conn = VaultStorage.Existing(host, dir, parse.GetValue(postgres));
            using var current = new DisposableKek(parse.GetValue(kms) is { } arn
                ? VaultKeks.Kms(host, arn, parse.GetValue(endpoint), parse.GetValue(region))
                : VaultKeks.Local(host, dir, create: false));
            // A new local key is made beside the old one first; if a run stops half-way, the next one finds it and resumes.
            var pending = Path.Combine(dir, VaultKeks.LocalFile + ".new");
            using var next = new DisposableKek(to is not null
                ? VaultKeks.Kms(host, to, parse.GetValue(endpoint), parse.GetValue(region))
                : VaultKeks.Local(host, pending, dir, create: true));
            var store = await VaultStorage.OpenAsync(dir, conn, ct).ConfigureAwait(false);
            try
            {
                using var ring = await KeyRing.OpenAsync(store, next.Key, current.Key, new KeyRingOptions(TimeSpan.FromDays(365)), host.Time, ct).ConfigureAwait(false);
                await ring.RewrapAsync(next.Key, Actor, ct).ConfigureAwait(false);
                var versions = ring.Versions.Count;
                if (local)
                {
                    var live = Path.Combine(dir, VaultKeks.LocalFile);
                    File.Move(live, $"{live}.retired-{host.Time.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}");
                    File.Move(pending, live);
                }

                host.Out.WriteLine($"re-wrapped {versions} data key versions from {current.Key.Provider} {current.Key.KeyId} to {next.Key.Provider} {next.Key.KeyId}; audited as key.rewrap");
                if (to is not null)
                {
                    host.Out.WriteLine($"serve with --kms-key {to} from now on");
                }

                return ExitCodes.Ok;
            }
            catch (KeyManagementException ex)
            {
                throw new UsageException($"rewrap: {ex.Message}");
            }
            finally
            {
                (store as IDisposable)?.Dispose();
            }
        });
        return new Command("keys", "The vault's data keys and key-encryption key.") { rewrap };
    }

    /// <summary>A KEK whichever its provider, disposed when the command ends.</summary>
    private sealed class DisposableKek(IKeyEncryptionKey key) : IDisposable
    {
        public IKeyEncryptionKey Key => key;

        public void Dispose() => (key as IDisposable)?.Dispose();
    }
}
