using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PciZone.Vault.Server.Tests.Support;

namespace PciZone.Vault.Server.Tests;

public sealed class TransportAndMetricsTests
{
    [Fact]
    public async Task Tls_WithCertificate_ServesHttpsOnTls12OrNewer()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"pcizone-vault-{Guid.NewGuid():N}.p12");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(pfx, cert.Export(X509ContentType.Pkcs12, "pw"), TestContext.Current.CancellationToken);
        }

        try
        {
            await using var s = await TestServer.StartAsync(o => o with { Urls = ["https://127.0.0.1:0"], TlsCertificatePath = pfx, TlsCertificatePassword = "pw" });
            s.Client.BaseAddress!.Scheme.ShouldBe("https");
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, s.Client.BaseAddress.Port, TestContext.Current.CancellationToken);
            await using var ssl = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);

            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "127.0.0.1",
                EnabledSslProtocols = SslProtocols.None, // the system's choice: the server decides what it accepts
            }, TestContext.Current.CancellationToken);

            ssl.SslProtocol.ShouldBeOneOf(SslProtocols.Tls12, SslProtocols.Tls13);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task Metrics_TokenizeAndDetokenize_AreCountedOnThePciZoneVaultMeter()
    {
        long tokenized = 0, detokenized = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "PciZone.Vault")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "pcizone.vault.tokenized")
            {
                Interlocked.Add(ref tokenized, value);
            }
            else if (instrument.Name == "pcizone.vault.detokenized")
            {
                Interlocked.Add(ref detokenized, value);
            }
        });
        listener.Start();
        await using var s = await TestServer.StartAsync();

        var r = await s.Client.SendAsync(TestServer.Post("/v1/tokenize", "{\"pan\":\"5555555555554444\"}", TestServer.TokenizeKey), TestContext.Current.CancellationToken);
        var token = System.Text.Json.Nodes.JsonNode.Parse(await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>();
        await s.Client.SendAsync(TestServer.Post("/v1/detokenize", $"{{\"token\":\"{token}\"}}", TestServer.DetokenizeKey), TestContext.Current.CancellationToken);

        Interlocked.Read(ref tokenized).ShouldBeGreaterThanOrEqualTo(1);
        Interlocked.Read(ref detokenized).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Forbidden_AnswerCarriesNoDetail()
    {
        await using var s = await TestServer.StartAsync();

        var r = await s.Client.SendAsync(TestServer.Post("/v1/detokenize", "{\"token\":\"1234\"}", TestServer.TokenizeKey), TestContext.Current.CancellationToken);

        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var body = await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldNotContain("1234");
        body.ShouldNotContain("detokenize");
    }

    [Fact]
    public async Task Build_ContentRootAndConfiguration_NeitherTheCurrentDirectoryNorWatched()
    {
        await using var s = await TestServer.StartAsync();

        // A host rooted in the current directory watches it recursively for appsettings changes.
        Path.GetFullPath(s.App.Environment.ContentRootPath).TrimEnd('/').ShouldBe(Path.GetFullPath(AppContext.BaseDirectory).TrimEnd('/'));
        s.App.Configuration["hostBuilder:reloadConfigOnChange"].ShouldBe("false");
    }
}
