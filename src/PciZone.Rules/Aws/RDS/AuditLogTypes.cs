namespace PciZone.Rules.Aws.RDS;

/// <summary>The CloudWatch Logs export that carries each engine's audit trail.</summary>
internal static class AuditLogTypes
{
    /// <summary>
    /// The log type an engine must export, or null when the engine is unknown (then any export counts).
    /// MySQL-family audit logs come from the MariaDB audit plugin or Aurora advanced auditing; PostgreSQL
    /// writes connections and statements to its main log (with pgaudit or log_statement); SQL Server
    /// can export only its error and agent logs.
    /// </summary>
    public static string? RequiredFor(string? engine) => engine?.ToLowerInvariant() switch
    {
        null => null,
        var e when e.StartsWith("aurora-postgresql", StringComparison.Ordinal) || e == "postgres" => "postgresql",
        var e when e.StartsWith("aurora", StringComparison.Ordinal) || e is "mysql" or "mariadb" => "audit",
        var e when e.StartsWith("oracle", StringComparison.Ordinal) => "audit",
        var e when e.StartsWith("sqlserver", StringComparison.Ordinal) => "error",
        var e when e.StartsWith("db2", StringComparison.Ordinal) => "diag.log",
        _ => null,
    };
}
