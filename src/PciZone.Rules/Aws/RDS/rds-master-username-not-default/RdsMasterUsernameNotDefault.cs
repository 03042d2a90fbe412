using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

internal sealed class RdsMasterUsernameNotDefault : DatabaseRule
{
    // The names the RDS console proposes (admin, postgres) and the engines' built-in superusers.
    private static readonly string[] Defaults = ["admin", "administrator", "postgres", "root", "sa"];

    protected override Outcome Check(RdsInstance instance) => Judge(instance.MasterUsername);

    protected override Outcome Check(RdsCluster cluster) => Judge(cluster.MasterUsername);

    private static Outcome Judge(Value<string?> username)
    {
        if (username.IsUnknown)
        {
            return Outcome.Unknown($"The master user name cannot be read: {username.UnknownReason}.", username.Source);
        }

        return username.Get() is { } name && Defaults.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? Outcome.Fail($"The master user name is the well-known default '{name}'.", username.Source)
            : Outcome.Pass("The master user name is not a well-known default.");
    }
}
