using BenchmarkDotNet.Attributes;
using PciZone.LandingZone.Generation;
using PciZone.LandingZone.Spec;

namespace PciZone.Benchmarks.Scenarios;

/// <summary>
/// <c>pcizone landing-zone generate</c> without the disk: read and validate a bundled spec, pack the
/// SCPs, render every stage and the README (target: under one second).
/// </summary>
[Config(typeof(BenchConfig))]
public class LandingZoneGenerate
{
    private string specText = "";

    /// <summary>The bundled spec under examples/landing-zone.</summary>
    [Params("payment-gateway", "minimal", "multi-region")]
    public string Spec { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        using var stream = typeof(LandingZoneGenerate).Assembly.GetManifestResourceStream($"landing-zone/{Spec}.yaml")!;
        using var reader = new StreamReader(stream);
        specText = reader.ReadToEnd();
    }

    [Benchmark]
    public int Generate() => ZoneGenerator.Generate(SpecReader.Parse($"{Spec}.yaml", specText), "bench").Files.Count;
}
