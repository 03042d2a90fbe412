using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

internal sealed class RdsIamAuthenticationEnabled : DatabaseRule
{
    private const string Passed = "IAM database authentication is enabled.";
    private const string Failed = "IAM database authentication is not enabled: database users sign in with passwords only.";

    // Only MySQL, MariaDB and PostgreSQL engines (Aurora included) support IAM authentication.
    protected override bool AppliesTo(Value<string?> engine) =>
        !engine.TryGet(out var name) || name is null ||
        name.Contains("mysql", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("mariadb", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("postgres", StringComparison.OrdinalIgnoreCase);

    protected override Outcome Check(RdsInstance instance) => Outcome.MustBeTrue(instance.IamAuthentication, Passed, Failed);

    protected override Outcome Check(RdsCluster cluster) => Outcome.MustBeTrue(cluster.IamAuthentication, Passed, Failed);
}
