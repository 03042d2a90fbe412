using Microsoft.Extensions.Logging;
using System.CommandLine;
using PciZone.Vault.Keys;
using PciZone.Vault.Server.Hosting;
using PciZone.Vault.Service;

namespace PciZone.Cli.VaultCmd;

/// <summary>
/// <c>pcizone vault serve</c>: the REST service. Without options it runs in development mode on the embedded
/// store with a generated local key and generated API keys, all in the data folder.
/// </summary>
internal static class VaultServeCommand
{
    public static Command Build(CliHost host)
    {
        var o = new ServeOptions();
        var command = new Command("serve", "Run the tokenisation service (REST: tokenize, detokenize, batch, mask, metadata, key rotation, health; OpenAPI at /openapi/v1.json).");
        o.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(host, o.Read(parse), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliHost host, ServeRequest req, CancellationToken ct)
    {
        Directory.CreateDirectory(req.Data);
        var postgres = VaultStorage.Postgres(host, req.PostgresEnv);
        var store = await VaultStorage.OpenAsync(req.Data, postgres, ct).ConfigureAwait(false);
        var kek = Kek(host, req);
        using var kekLifetime = kek as IDisposable;
        using var keys = await KeyRing.OpenAsync(store, kek, new KeyRingOptions(TimeSpan.FromDays(req.CryptoPeriodDays)), host.Time, ct).ConfigureAwait(false);
        foreach (var w in keys.Warnings)
        {
            host.Log("warning: " + w.Message);
        }

        using var vault = new TokenVault(store, keys, host.Time);
        var options = ServeSecurity.Options(host, req);
        // Structured logs on stderr: request lines, warnings, errors; never a body (nothing logs one).
        await using var app = VaultApp.Build(options, vault, store, l =>
        {
            l.SetMinimumLevel(LogLevel.Information);
            l.AddJsonConsole(j => j.IncludeScopes = false);
        });
        await app.StartAsync(ct).ConfigureAwait(false);
        host.Log($"vault listening on {string.Join(", ", app.Urls)} ({(postgres is null ? "SQLite " + Path.Combine(req.Data, "vault.db") : "PostgreSQL")}, {kek.Provider} key {kek.KeyId})");
        try
        {
            // SIGTERM and Ctrl-C reach ASP.NET's console lifetime, which signals ApplicationStopping instead of ct.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, app.Lifetime.ApplicationStopping);
            await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM: stop accepting, finish requests in flight.
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        (store as IDisposable)?.Dispose();
        return ExitCodes.Ok;
    }

    private static IKeyEncryptionKey Kek(CliHost host, ServeRequest req) =>
        req.KmsKey is { } arn ? VaultKeks.Kms(host, arn, req.KmsEndpoint, req.Region) : VaultKeks.Local(host, req.Data, create: true);
}
