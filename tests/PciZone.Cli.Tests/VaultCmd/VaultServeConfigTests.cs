using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.VaultCmd;

/// <summary><c>vault serve --config FILE</c>: the <c>vault:</c> section supplies the options, paths are relative to the file, an option on the command line wins, and a bad file is one line with exit 2.</summary>
public sealed class VaultServeConfigTests : IDisposable
{
    // A check under test that is missing would let serve start and never return: the run is bounded so the test fails instead.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Serve_Config_ListensWhereTheFileSaysAndKeepsDataBesideIt()
    {
        var port = VaultProcess.FreePort();
        var config = Write("etc/vault.yaml", $"""
            vault:
              data: ../state
              urls: [http://127.0.0.1:{port}]
              rate: 1000000
              cryptoPeriodDays: 90
            """);

        using var vault = await VaultProcess.StartAsync(["--config", config], port, TestContext.Current.CancellationToken);

        // "../state" resolved against the file's folder, not the working directory.
        File.Exists(_dir.PathOf("state/vault.db")).ShouldBeTrue(vault.Output);
    }

    [Fact]
    public async Task Serve_ConfigHttpsUrlWithoutTlsCert_ExitsTwoBeforeStarting()
    {
        var config = Write("vault.yaml", $"""
            vault:
              data: data
              urls: [https://127.0.0.1:0]
            """);

        var result = await ServeAsync("--config", config);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("--tls-cert");
        Directory.Exists(_dir.PathOf("data")).ShouldBeFalse("nothing should start");
    }

    [Fact]
    public async Task Serve_OptionOnCommandLine_WinsOverTheFile()
    {
        // The file alone would start a plain-HTTP service (and the bounded run would time out); the command line's https URL must win and be refused.
        var config = Write("vault.yaml", """
            vault:
              data: data
              urls: [http://127.0.0.1:0]
            """);

        var result = await ServeAsync("--config", config, "--urls", "https://127.0.0.1:0");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("--tls-cert");
    }

    [Theory]
    [InlineData("vault:\n  data: data\n  rates: 5\n", "vault.yaml:3: unknown key 'vault.rates'")]
    [InlineData("vault:\n  rate: fast\n", "vault.yaml:2: vault.rate: 'fast' is not a whole number from 1 to")]
    [InlineData("vault:\n  cryptoPeriodDays: 4000\n", "vault.yaml:2: vault.cryptoPeriodDays: '4000' is not a whole number from 1 to 3650")]
    [InlineData("vault:\n  urls: http://x\n", "vault.yaml:2: 'urls' must be a list")]
    [InlineData("vault: [1, 2]\n", "vault.yaml:1: 'vault' must be a mapping")]
    [InlineData("failOn: high\n", "vault.yaml: no vault: section")]
    [InlineData("vault:\n  data: [a\n", ": invalid YAML")]
    public async Task Serve_BadConfig_ExitsTwoWithOneLineNamingFileAndLine(string yaml, string expected)
    {
        var config = Write("vault.yaml", yaml);

        var result = await ServeAsync("--config", config);

        result.ExitCode.ShouldBe(2);
        var line = result.ErrorLines.ShouldHaveSingleItem();
        line.ShouldStartWith($"pcizone: {config}");
        line.ShouldContain(expected);
        Directory.Exists(_dir.PathOf("data")).ShouldBeFalse("nothing should start");
    }

    [Fact]
    public async Task Serve_MissingConfig_ExitsTwo()
    {
        var result = await ServeAsync("--config", _dir.PathOf("absent.yaml"));

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("absent.yaml: config file not found");
    }

    public void Dispose() => _dir.Dispose();

    private string Write(string relative, string yaml)
    {
        var path = _dir.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }

    private async Task<CliResult> ServeAsync(params string[] args) =>
        await Task.Run(() => Pcizone.Run(new Dictionary<string, string>(), ["vault", "serve", .. args]), TestContext.Current.CancellationToken)
            .WaitAsync(Bound, TestContext.Current.CancellationToken);
}
