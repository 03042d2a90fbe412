using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.VaultCmd;

/// <summary><c>vault serve</c> refuses contradictory options with one line and exit 2, before it touches the data folder or a port.</summary>
public sealed class VaultServeUsageTests : IDisposable
{
    // Without the checks under test, serve would start and never return: the run is bounded so the test fails instead.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Serve_HttpsUrlWithoutTlsCert_ExitsTwoWithOneLine()
    {
        var result = await ServeAsync("--urls", "https://127.0.0.1:0");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("--tls-cert");
        Directory.Exists(_dir.PathOf("data")).ShouldBeFalse("nothing should start");
    }

    [Fact]
    public async Task Serve_HttpsAmongSeveralUrlsWithoutTlsCert_ExitsTwo()
    {
        var result = await ServeAsync("--urls", "http://127.0.0.1:0", "--urls", "HTTPS://127.0.0.1:0");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("--tls-cert");
    }

    [Fact]
    public async Task Serve_JwtIssuerWithoutSecretEnv_ExitsTwoWithOneLine()
    {
        var result = await ServeAsync("--urls", "http://127.0.0.1:0", "--jwt-issuer", "https://idp.example.com");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("--jwt-secret-env");
        Directory.Exists(_dir.PathOf("data")).ShouldBeFalse("nothing should start");
    }

    [Fact]
    public async Task Serve_JwtSecretEnvWithoutIssuer_ExitsTwoWithOneLine()
    {
        var result = await ServeAsync("--urls", "http://127.0.0.1:0", "--jwt-secret-env", "VAULT_JWT_SECRET");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("--jwt-issuer");
    }

    public void Dispose() => _dir.Dispose();

    private async Task<CliResult> ServeAsync(params string[] options)
    {
        string[] args = ["vault", "serve", "--data", _dir.PathOf("data"), .. options];
        var env = new Dictionary<string, string> { ["VAULT_JWT_SECRET"] = Convert.ToBase64String(new byte[32]) };
        return await Task.Run(() => Pcizone.Run(env, args), TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
    }
}
