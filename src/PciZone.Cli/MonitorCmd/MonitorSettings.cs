using PciZone.Cli.Config;
using PciZone.Monitoring.Rules;

namespace PciZone.Cli.MonitorCmd;

/// <summary>What every monitor command shares: the config's monitor section, the store path, the rules.</summary>
internal static class MonitorSettings
{
    /// <summary>The store used when neither --store nor monitor.store names one.</summary>
    public const string DefaultStore = ".pcizone/monitor.db";

    /// <summary>The config given by --config, else the first .pcizone.yaml from <paramref name="from"/> (or the working directory) upward.</summary>
    public static MonitorConfig? Config(string? explicitPath, string? from = null) =>
        ConfigFile.Discover(explicitPath, [from ?? Directory.GetCurrentDirectory()])?.Monitor;

    public static string StorePath(string? option, MonitorConfig? config) =>
        Path.GetFullPath(option ?? config?.Store ?? DefaultStore);

    /// <summary>
    /// Built-in rules plus the config's and the command line's rule paths, with placeholders from the config
    /// and from --placeholders files; any rule error is a usage error naming file, line and column.
    /// </summary>
    public static MonitorRuleSet Rules(MonitorConfig? config, IReadOnlyList<string> extraRules, IReadOnlyList<string> placeholderFiles, bool builtIn = true)
    {
        var placeholders = new Dictionary<string, IReadOnlyList<string>>(config?.Placeholders ?? new Dictionary<string, IReadOnlyList<string>>(), StringComparer.Ordinal);
        foreach (var file in placeholderFiles)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"{file}: placeholder file not found");
            }

            var values = MonitorRules.LoadPlaceholders(file, out var errors);
            if (errors.Count > 0)
            {
                throw new UsageException(errors[0].ToString());
            }

            foreach (var (name, list) in values)
            {
                placeholders[name] = list;
            }
        }

        var paths = (config?.Rules ?? []).Concat(extraRules).ToList();
        foreach (var p in paths.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            throw new UsageException($"{p}: rule file or folder not found");
        }

        var set = MonitorRules.Load(builtIn, paths, placeholders);
        if (set.Errors.Count > 0)
        {
            throw new UsageException(set.Errors.Count == 1 ? set.Errors[0].ToString() : $"{set.Errors[0]} (and {set.Errors.Count - 1} more rule error(s))");
        }

        var disabled = config?.Disable ?? [];
        var known = set.Rules.Select(r => r.Id).Concat(set.Inactive.Select(r => r.Id)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var id in disabled.Where(id => !known.Contains(id)))
        {
            throw new UsageException($"{config!.Path}: monitor.disable: no rule has the id '{id}'");
        }

        return disabled.Count == 0 ? set : set.Without(disabled);
    }

    /// <summary>One notice naming the rules that wait for placeholder values, or null when there are none.</summary>
    public static string? InactiveNotice(MonitorRuleSet set) =>
        set.Inactive.Count == 0 ? null
        : $"{set.Inactive.Count} rule(s) stay off until monitor.placeholders gives their values: "
          + string.Join("; ", set.Inactive.Select(r => $"{r.Id} needs {string.Join(", ", r.MissingPlaceholders)}"));
}
