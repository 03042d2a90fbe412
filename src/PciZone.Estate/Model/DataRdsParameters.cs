namespace PciZone.Estate;

/// <summary>
/// A DB parameter group (<c>aws_db_parameter_group</c>, <c>AWS::RDS::DBParameterGroup</c>) or a DB cluster
/// parameter group (<c>aws_rds_cluster_parameter_group</c>, <c>AWS::RDS::DBClusterParameterGroup</c>).
/// </summary>
public sealed record RdsParameterGroup : Resource
{
    /// <summary>Group name; Unknown when generated.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>True for a DB cluster parameter group.</summary>
    public bool ForCluster { get; init; }

    /// <summary>The parameter group family (<c>postgres16</c>, <c>mysql8.0</c>, <c>aurora-postgresql15</c>).</summary>
    public Value<string?> Family { get; init; }

    /// <summary>
    /// Parameters the group sets, by name (case-insensitive); a parameter it does not name keeps the
    /// family's default. A parameter whose value is unknown until apply is Unknown.
    /// </summary>
    public Value<IReadOnlyDictionary<string, Value<string?>>> Parameters { get; init; }
}
