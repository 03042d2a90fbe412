using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using PciZone.Vault.Keys;
using PciZone.Vault.Server.Auth;
using PciZone.Vault.Server.Hosting;
using PciZone.Vault.Service;
using PciZone.Vault.Stores;

namespace PciZone.Vault.Server.Tests.Support;

/// <summary>
/// The real service on a free loopback port over a real vault (SQLite store and local key file in a temporary
/// folder), with three API clients and every log line captured.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string TokenizeKey = "tk-test-key-0123456789abcdefghijklmnop";
    public const string DetokenizeKey = "dk-test-key-0123456789abcdefghijklmnop";
    public const string AdminKey = "ad-test-key-0123456789abcdefghijklmnop";
    public static readonly string JwtSecret = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("a-test-signing-secret-of-32-bytes!!"));

    private readonly WebApplication _app;
    private readonly List<IDisposable> _owned;
    private readonly string _dir;

    private TestServer(WebApplication app, HttpClient client, ConcurrentQueue<string> logs, List<IDisposable> owned, string dir)
    {
        _app = app;
        Client = client;
        Logs = logs;
        _owned = owned;
        _dir = dir;
    }

    public HttpClient Client { get; }

    /// <summary>The built application (its environment and configuration).</summary>
    public WebApplication App => _app;

    public ConcurrentQueue<string> Logs { get; }

    public static async Task<TestServer> StartAsync(Func<VaultServerOptions, VaultServerOptions>? tune = null)
    {
        var dir = Directory.CreateTempSubdirectory("pcizone-vault-").FullName;
        var store = SqliteVaultStore.Open(Path.Combine(dir, "vault.db"));
        await store.InitializeAsync(CancellationToken.None);
        var kek = LocalKeyFile.Create(Path.Combine(dir, "kek.json"), "test passphrase for the vault");
        var keys = await KeyRing.OpenAsync(store, kek, new KeyRingOptions(TimeSpan.FromDays(365)), TimeProvider.System, CancellationToken.None);
        var vault = new TokenVault(store, keys, TimeProvider.System);
        var options = new VaultServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            ApiClients =
            [
                new ApiClient("shop-frontend", ApiKeys.HashOf(TokenizeKey), [VaultRoles.TokenizeOnly]),
                new ApiClient("settlement", ApiKeys.HashOf(DetokenizeKey), [VaultRoles.Detokenize]),
                new ApiClient("ops", ApiKeys.HashOf(AdminKey), [VaultRoles.Admin]),
            ],
            Jwt = new JwtSettings("https://idp.example.com", "pcizone-vault", JwtSecret),
        };
        options = tune?.Invoke(options) ?? options;
        var logs = new ConcurrentQueue<string>();
        var app = VaultApp.Build(options, vault, store, l =>
        {
            l.SetMinimumLevel(LogLevel.Trace);
            l.AddProvider(new CapturingLoggerProvider(logs));
        });
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        return new TestServer(app, client, logs, [vault, keys, kek, store], dir);
    }

    public static HttpRequestMessage Post(string path, string json, string? apiKey = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var d in _owned)
        {
            d.Dispose();
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder must not fail a test.
        }
    }
}

/// <summary>Keeps every formatted log line (with exceptions) so tests can search them for card numbers.</summary>
internal sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = lines;

    public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Capturing(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
