using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace PciZone.Vault.Server.Hosting;

/// <summary>
/// The service's OpenTelemetry metrics: counts only, never values. An OTLP or Prometheus exporter can be
/// attached by the host; <c>dotnet-counters monitor --counters PciZone.Vault</c> reads them as they are.
/// </summary>
internal static class VaultMetrics
{
    public const string MeterName = "PciZone.Vault";

    private static readonly Meter Meter = new(MeterName);

    public static Counter<long> Tokenized { get; } = Meter.CreateCounter<long>("pcizone.vault.tokenized", description: "PANs tokenised");

    public static Counter<long> Detokenized { get; } = Meter.CreateCounter<long>("pcizone.vault.detokenized", description: "tokens detokenised");

    public static void Add(IServiceCollection services) =>
        services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(MeterName).AddAspNetCoreInstrumentation());
}
