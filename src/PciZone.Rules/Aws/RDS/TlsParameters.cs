using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

/// <summary>
/// Which parameter makes an RDS engine refuse connections without TLS, and what a parameter group
/// (or the engine's default group) sets it to.
/// </summary>
internal static class TlsParameters
{
    /// <summary>The parameter and the values that enforce TLS, or null for engines that enforce it otherwise (Oracle, Db2).</summary>
    public static (string Name, string[] Values)? For(string engine) => engine switch
    {
        "postgres" or "aurora-postgresql" => ("rds.force_ssl", ["1"]),
        _ when engine.StartsWith("sqlserver", StringComparison.Ordinal) => ("rds.force_ssl", ["1"]),
        "mysql" or "mariadb" or "aurora-mysql" or "aurora" => ("require_secure_transport", ["ON", "1"]),
        _ => null,
    };

    /// <summary>
    /// The value AWS's default group of a family gives the parameter: RDS for PostgreSQL 15 and later
    /// force SSL by default; every other engine and version leaves TLS optional.
    /// </summary>
    public static bool DefaultEnforces(string engine, string? majorFamilyOrVersion)
    {
        if (engine != "postgres" || majorFamilyOrVersion is null)
        {
            return false;
        }

        var digits = new string(majorFamilyOrVersion.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var major) && major >= 15;
    }

    /// <summary>The parameter group a reference names: by address, else by group name.</summary>
    public static RdsParameterGroup? Resolve(AwsEstate estate, ResourceRef reference) =>
        EstateIndex.Resolve<RdsParameterGroup>(estate, reference, "rds-parameter-group-by-name", g => g.Name.GetOrDefault());
}
