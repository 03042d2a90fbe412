using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PciZone.LandingZone.Tests.Support;

/// <summary>
/// A stage's root outputs as its plan shows them. Known values are kept; a value unknown until apply
/// becomes a placeholder of the right shape for its output (account ids are twelve digits, ARNs parse),
/// so the next stage plans against the real output names and structure of the one before.
/// </summary>
internal static class PlanOutputs
{
    public static JsonObject Read(string planJsonPath)
    {
        var plan = JsonNode.Parse(File.ReadAllText(planJsonPath))!.AsObject();
        var planned = plan["planned_values"]?["outputs"]?.AsObject() ?? [];
        var changes = plan["output_changes"]?.AsObject() ?? [];
        var result = new JsonObject();
        foreach (var (name, output) in planned)
        {
            var unknown = changes[name]?["after_unknown"];
            result[name] = Fill(name, output?["value"], unknown, "");
        }

        foreach (var (name, change) in changes.Where(c => !planned.ContainsKey(c.Key)))
        {
            result[name] = Fill(name, change?["after"], change?["after_unknown"], "");
        }

        return result;
    }

    private static JsonNode? Fill(string output, JsonNode? value, JsonNode? unknown, string key)
    {
        if (unknown is JsonValue flag && flag.TryGetValue<bool>(out var isUnknown) && isUnknown)
        {
            return Placeholder(output, key);
        }

        switch (unknown)
        {
            case JsonObject unknownMap:
            {
                var known = value as JsonObject ?? [];
                var result = new JsonObject();
                foreach (var k in known.Select(kv => kv.Key).Union(unknownMap.Select(kv => kv.Key)).Order(StringComparer.Ordinal))
                {
                    result[k] = Fill(output, known[k], unknownMap[k], k);
                }

                return result;
            }

            case JsonArray unknownList:
            {
                var known = value as JsonArray ?? [];
                return new JsonArray(Enumerable.Range(0, Math.Max(known.Count, unknownList.Count))
                    .Select(i => Fill(output, i < known.Count ? known[i] : null, i < unknownList.Count ? unknownList[i] : null, key)).ToArray());
            }

            default:
                return value?.DeepClone();
        }
    }

    private static JsonNode Placeholder(string output, string key)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{output}/{key}")));
        var digits = string.Concat(digest.Where(char.IsAsciiDigit).Concat("000000000000"))[..12];
        return output switch
        {
            "account_ids" => digits,
            "organization_id" => "o-pcizonetest",
            "organization_arn" => "arn:aws:organizations::111111111111:organization/o-pcizonetest",
            "root_id" => "r-test",
            "ou_ids" => $"ou-test-{digest[..8]}",
            "transit_gateway_ids" => $"tgw-{digest[..17]}",
            "route_table_ids" => $"tgw-rtb-{digest[..17]}",
            _ when output.Contains("kms", StringComparison.Ordinal) => $"arn:aws:kms:eu-west-1:111111111111:key/{digest[..8]}-{digest[8..12]}-{digest[12..16]}-{digest[16..20]}-{digest[20..32]}",
            _ when output.EndsWith("bucket_arn", StringComparison.Ordinal) => $"arn:aws:s3:::pcizone-test-{digest[..8]}",
            _ when output.EndsWith("_arn", StringComparison.Ordinal) => $"arn:aws:iam::111111111111:role/pcizone-test-{digest[..8]}",
            _ when output.EndsWith("_name", StringComparison.Ordinal) => $"pcizone-test-{digest[..8]}",
            _ => $"pcizone-test-{digest[..8]}",
        };
    }
}
