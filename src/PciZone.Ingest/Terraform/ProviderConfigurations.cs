using System.Text.Json;
using System.Text.RegularExpressions;
using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>
/// Reads the <c>provider "aws"</c> blocks of a plan's <c>configuration.provider_config</c>. A provider is no
/// planned resource, so no mapper sees it; only whether its credential arguments are constants is kept.
/// </summary>
internal static partial class ProviderConfigurations
{
    private static readonly string[] CredentialArguments = ["access_key", "secret_key"];

    /// <summary>One record per AWS provider configuration, in the plan's order.</summary>
    public static IEnumerable<ProviderConfiguration> Read(JsonElement root, string file, string addressPrefix)
    {
        if (!root.TryGetProperty("configuration", out var config) || config.ValueKind != JsonValueKind.Object ||
            !config.TryGetProperty("provider_config", out var providers) || providers.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var p in providers.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Object || Text(p.Value, "name") != "aws")
            {
                continue;
            }

            var alias = Text(p.Value, "alias");
            var module = Text(p.Value, "module_address");
            var address = $"{addressPrefix}{(string.IsNullOrEmpty(module) ? "" : module + ".")}provider.aws{(alias is null ? "" : "." + alias)}";
            var provenance = new Provenance(file, 0, address);
            var keyShaped = new List<string>();
            var other = new List<string>();
            if (p.Value.TryGetProperty("expressions", out var expressions) && expressions.ValueKind == JsonValueKind.Object)
            {
                foreach (var argument in CredentialArguments)
                {
                    if (expressions.TryGetProperty(argument, out var e) && e.ValueKind == JsonValueKind.Object &&
                        e.TryGetProperty("constant_value", out var c) && c.ValueKind == JsonValueKind.String && c.GetString() is { Length: > 0 } literal)
                    {
                        (KeyShaped(argument, literal) ? keyShaped : other).Add(argument);
                    }
                }
            }

            yield return new ProviderConfiguration
            {
                Address = address, SourceType = "provider", Provenance = provenance, Provider = "aws", Alias = alias,
                KeyShapedCredentials = Value.Of<IReadOnlyList<string>>(keyShaped, provenance),
                OtherConstantCredentials = Value.Of<IReadOnlyList<string>>(other, provenance),
            };
        }
    }

    private static bool KeyShaped(string argument, string literal) =>
        argument == "access_key" ? AccessKeyId().IsMatch(literal) : SecretKey().IsMatch(literal);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex("^(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}$")]
    private static partial Regex AccessKeyId();

    [GeneratedRegex("^[A-Za-z0-9/+]{40}$")]
    private static partial Regex SecretKey();
}
