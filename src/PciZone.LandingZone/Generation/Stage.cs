namespace PciZone.LandingZone.Generation;

/// <summary>
/// One generated Terraform root: the account it runs in, the regions it deploys to, the earlier stages it
/// reads, and the files it consists of. Stages apply in name order.
/// </summary>
internal sealed class Stage(string name, string accountKey, string title)
{
    /// <summary>Folder name under stages/, also the state key.</summary>
    public string Name { get; } = name;

    /// <summary>The account whose role the default provider assumes.</summary>
    public string AccountKey { get; } = accountKey;

    /// <summary>One line for the README.</summary>
    public string Title { get; } = title;

    /// <summary>Remote-state data sources this stage reads (their data source names).</summary>
    public SortedSet<string> Upstream { get; } = new(StringComparer.Ordinal);

    /// <summary>Provider configurations: (alias or null for the default, account key, region).</summary>
    public List<(string? Alias, string Account, string Region)> Providers { get; } = [];

    /// <summary>Module calls and resources.</summary>
    public HclBody Main { get; } = new();

    /// <summary>Root outputs that later stages read.</summary>
    public HclBody Outputs { get; } = new();

    /// <summary>The provider reference for an account and region ("aws" or "aws.alias").</summary>
    public string Provider(string account, string region)
    {
        var match = Providers.FirstOrDefault(p => p.Account == account && p.Region == region);
        if (match == default)
        {
            throw new InvalidOperationException($"stage {Name} has no provider for {account} in {region}");
        }

        return match.Alias is null ? "aws" : $"aws.{match.Alias}";
    }

    /// <summary>Adds a provider unless an equal one exists; the first provider of the stage's account in the home region is the default.</summary>
    public void AddProvider(string account, string region, string homeRegion)
    {
        if (Providers.Any(p => p.Account == account && p.Region == region))
        {
            return;
        }

        string? alias = account == AccountKey && region == homeRegion
            ? null
            : account == AccountKey ? Naming.Identifier(region) : $"{Naming.Identifier(account)}_{Naming.Identifier(region)}";
        Providers.Add((alias, account, region));
    }
}
