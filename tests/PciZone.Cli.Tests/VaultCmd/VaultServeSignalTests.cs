using System.Net;
using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.VaultCmd;

/// <summary>A real <c>vault serve</c> process stops cleanly on SIGTERM, which container runtimes and systemd send before SIGKILL.</summary>
public sealed class VaultServeSignalTests
{
    [Fact]
    public async Task Serve_Sigterm_StopsAndExitsZero()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDir();
        using var vault = await VaultProcess.StartAsync(dir.Path, ct);

        vault.Terminate(TimeSpan.FromSeconds(20)).ShouldBeTrue($"still running 20 s after SIGTERM; its output:\n{vault.Output}");

        vault.ExitCode.ShouldBe(0, vault.Output);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync(new Uri(vault.BaseAddress, "health/ready"), ct));
        var verify = Pcizone.Run("vault", "audit", "verify", "--data", dir.Path);
        verify.ExitCode.ShouldBe(0, verify.Out + verify.Error);
    }
}
