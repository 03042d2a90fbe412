namespace PciZone.LandingZone.Spec;

/// <summary>The commented default spec that <c>landing-zone init</c> writes: a payment gateway's zone.</summary>
public static class DefaultSpec
{
    /// <summary>The YAML text.</summary>
    public static string Text { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(DefaultSpec).Assembly.GetManifestResourceStream("spec/default-zone.yaml")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
