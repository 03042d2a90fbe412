using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace PciZone.Cli.Config;

/// <summary>
/// The <c>monitor:</c> section of <c>.pcizone.yaml</c>:
/// <code>
/// monitor:
///   store: .pcizone/monitor.db                # incident store (SQLite); relative to this file
///   rules: [monitor-rules/]                   # extra rule files or folders, besides the built-in pack
///   disable: [PCZ-MON-017]                    # built-in rules switched off (with a reason in review)
///   placeholders:                             # values for |expand rules
///     log_buckets: [org-cloudtrail-logs-111122223333]
///     cde_buckets: [payments-cardholder-data]
///   webhook:
///     url: https://alerts.example.com/pcizone
///     secretEnv: PCIZONE_WEBHOOK_SECRET       # HMAC key, read from this environment variable
///     maxAttempts: 6
/// </code>
/// </summary>
internal sealed record MonitorConfig(
    string Path,
    string? Store,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> Disable,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders,
    WebhookConfig? Webhook)
{
    private static readonly string[] Keys = ["store", "rules", "disable", "placeholders", "webhook"];
    private static readonly string[] WebhookKeys = ["url", "secretEnv", "maxAttempts"];

    public static MonitorConfig Read(string path, YamlNode node)
    {
        var map = node as YamlMappingNode ?? throw ConfigFile.Error(path, node, "'monitor' must be a mapping");
        ConfigFile.CheckKeys(path, map, Keys, "monitor.");
        var baseDir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var store = ConfigFile.Scalar(path, map, "store") is { Length: > 0 } s ? System.IO.Path.GetFullPath(s, baseDir) : null;
        var rules = (ConfigFile.List(path, map, "rules") ?? []).Select(r => System.IO.Path.GetFullPath(r, baseDir)).ToList();
        var disable = ConfigFile.List(path, map, "disable") ?? [];
        return new MonitorConfig(path, store, rules, disable, ReadPlaceholders(path, map), ReadWebhook(path, map));
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadPlaceholders(string path, YamlMappingNode map)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        switch (ConfigFile.Child(map, "placeholders"))
        {
            case null:
                return result;
            case YamlMappingNode p:
                foreach (var (key, value) in p.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "";
                    if (name.Length == 0)
                    {
                        throw ConfigFile.Error(path, key, "monitor.placeholders: names must be text");
                    }

                    result[name] = ConfigFile.List(path, p, name) ?? [];
                }

                return result;
            case var other:
                throw ConfigFile.Error(path, other, "monitor.placeholders must be a mapping of names to lists of values");
        }
    }

    private static WebhookConfig? ReadWebhook(string path, YamlMappingNode map)
    {
        if (ConfigFile.Child(map, "webhook") is not { } node)
        {
            return null;
        }

        var w = node as YamlMappingNode ?? throw ConfigFile.Error(path, node, "monitor.webhook must be a mapping");
        ConfigFile.CheckKeys(path, w, WebhookKeys, "monitor.webhook.");
        var url = ConfigFile.Required(path, w, "url", "monitor.webhook");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw ConfigFile.Error(path, w, $"monitor.webhook.url: '{url}' is not an http(s) URL");
        }

        var attempts = ConfigFile.Number(path, w, "maxAttempts", "monitor.webhook", 1, 100, at: w) ?? 6;
        return new WebhookConfig(uri, ConfigFile.Scalar(path, w, "secretEnv"), attempts);
    }
}

/// <summary>Where alerts are POSTed; the HMAC secret is named by an environment variable, never written in the file.</summary>
internal sealed record WebhookConfig(Uri Url, string? SecretEnv, int MaxAttempts);
