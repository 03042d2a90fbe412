namespace PciZone.Storage;

/// <summary>One numbered schema change. Never edit a shipped migration: append a new one.</summary>
public sealed record SchemaMigration(int Version, string Name, string Sql);

/// <summary>
/// Where a store records its applied migrations: the table, the column holding when each was applied,
/// and the store's name for the refusal message.
/// </summary>
public sealed record SchemaLedger(string Table, string AppliedAtColumn, string StoreName);
