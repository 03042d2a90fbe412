using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using PciZone.Vault.Fpe;

namespace PciZone.Vault.Tests.Fpe;

/// <summary>One entry of ../shared/data/fpe-vectors-nist-samples.json.</summary>
internal sealed record FpeVector(
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("tweak")] string Tweak,
    [property: JsonPropertyName("radix")] int Radix,
    [property: JsonPropertyName("alphabet")] string Alphabet,
    [property: JsonPropertyName("plaintext")] string Plaintext,
    [property: JsonPropertyName("ciphertext")] string Ciphertext,
    [property: JsonPropertyName("source")] string Source);

internal static class Ff1TestSupport
{
    public const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>The shared data folder next to the repository (found through the RepoRoot build attribute).</summary>
    public static string SharedData
    {
        get
        {
            var root = typeof(Ff1TestSupport).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .First(a => a.Key == "RepoRoot").Value!;
            return Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        }
    }

    public static IReadOnlyList<FpeVector> Vectors(string mode) =>
        JsonSerializer.Deserialize<List<FpeVector>>(File.ReadAllText(Path.Combine(SharedData, "fpe-vectors-nist-samples.json")))!
            .Where(v => v.Mode == mode)
            .ToList();

    public static string RandomNumerals(Random random, int radix, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Digits[random.Next(radix)];
        }

        return new string(chars);
    }

    public static string Encrypt(Ff1 ff1, string input, byte[] tweak)
    {
        var output = new char[input.Length];
        ff1.Encrypt(input, tweak, output);
        return new string(output);
    }

    public static string Decrypt(Ff1 ff1, string input, byte[] tweak)
    {
        var output = new char[input.Length];
        ff1.Decrypt(input, tweak, output);
        return new string(output);
    }
}
