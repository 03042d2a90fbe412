using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PciZone.LandingZone.Generation;

namespace PciZone.LandingZone.Tests.Support;

/// <summary>
/// Makes a scratch copy of a generated stage plan offline, the way the issue allows: an override file
/// (local backend, mock credentials, no role assumption) and remote state whose outputs come from the
/// upstream stages' own plans. Values unknown until apply get a well-formed placeholder.
/// </summary>
internal static partial class OfflineOverrides
{
    public const string FileName = "pcizone_offline_override.tf";

    /// <summary>Data source name of each readable stage and the folder it plans in.</summary>
    public static readonly IReadOnlyDictionary<string, string> Upstream = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["organization"] = "01-organization",
        ["log_archive"] = "02-log-archive",
        ["network"] = "05-network",
    };

    public static void Write(string stageDir, Func<string, JsonObject> upstreamOutputs)
    {
        var body = new StringBuilder();
        body.Append("terraform {\n  backend \"local\" {}\n}\n");
        var providers = File.ReadAllText(Path.Combine(stageDir, "providers.tf"));
        foreach (Match block in ProviderBlock().Matches(providers))
        {
            var alias = AliasLine().Match(block.Value);
            var region = RegionLine().Match(block.Value).Groups[1].Value;
            body.Append("\nprovider \"aws\" {\n");
            if (alias.Success)
            {
                body.Append(System.Globalization.CultureInfo.InvariantCulture, $"  alias = \"{alias.Groups[1].Value}\"\n");
            }

            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"  region = \"{region}\"\n");
            body.Append("""
                  access_key                  = "mock"
                  secret_key                  = "mock"
                  skip_credentials_validation = true
                  skip_requesting_account_id  = true
                  skip_metadata_api_check     = true
                  skip_region_validation      = true

                """);
            if (block.Value.Contains("assume_role", StringComparison.Ordinal))
            {
                // Replaces the generated role assumption, which would call STS.
                body.Append("  assume_role {\n    role_arn = \"\"\n  }\n");
            }

            body.Append("}\n");
        }

        var remoteState = Path.Combine(stageDir, "remote_state.tf");
        if (File.Exists(remoteState))
        {
            File.WriteAllText(Path.Combine(stageDir, "empty.tfstate"),
                """{"version":4,"terraform_version":"1.11.4","serial":1,"lineage":"00000000-0000-0000-0000-000000000000","outputs":{},"resources":[]}""");
            foreach (Match source in RemoteStateBlock().Matches(File.ReadAllText(remoteState)))
            {
                var name = source.Groups[1].Value;
                var defaults = Hcl.FromJson(upstreamOutputs(name)).Render(1);
                body.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"\ndata \"terraform_remote_state\" \"{name}\" {{\n  backend  = \"local\"\n  config   = {{ path = \"empty.tfstate\" }}\n  defaults = {defaults}\n}}\n");
            }
        }

        File.WriteAllText(Path.Combine(stageDir, FileName), body.ToString());
    }

    [GeneratedRegex("provider \"aws\" \\{.*?\\n\\}", RegexOptions.Singleline)]
    private static partial Regex ProviderBlock();

    [GeneratedRegex("alias\\s*=\\s*\"([^\"]+)\"")]
    private static partial Regex AliasLine();

    [GeneratedRegex("region\\s*=\\s*\"([^\"]+)\"")]
    private static partial Regex RegionLine();

    [GeneratedRegex("data \"terraform_remote_state\" \"([a-z_]+)\"")]
    private static partial Regex RemoteStateBlock();
}
