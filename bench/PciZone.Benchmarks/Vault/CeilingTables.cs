namespace PciZone.Benchmarks.Vault;

/// <summary>
/// The index variants the ceiling benchmark compares. <c>vault-schema</c> is the store's own migration
/// (two unique random-key indexes and the key-version index); the others are the same columns with fewer
/// indexes. <c>lookup-index</c> keeps only the index the vault cannot do without: finding the existing token
/// for a PAN by its keyed hash (PCI DSS 3.5.1.1).
/// </summary>
internal static class CeilingTables
{
    public const string VaultSchema = "vault-schema";
    public const string LookupIndex = "lookup-index";
    public const string NoIndex = "no-index";

    public const string Columns = "token, lookup, lookup_key_version, encrypted_pan, field_key_version, profile, last4, created_at_ticks, created_by";

    /// <summary>DDL for the variants other than <see cref="VaultSchema"/>; <paramref name="id"/> is the store's key column.</summary>
    public static string Ddl(string indexes, string id, string blob, string integer) => $"""
        CREATE TABLE vault_tokens (
            {id},
            token              text    NOT NULL,
            lookup             {blob}  NOT NULL,
            lookup_key_version {integer} NOT NULL,
            encrypted_pan      {blob}  NOT NULL,
            field_key_version  {integer} NOT NULL,
            profile            text    NOT NULL,
            last4              text    NOT NULL,
            created_at_ticks   bigint  NOT NULL,
            created_by         text    NOT NULL{(indexes == LookupIndex ? ",\n    UNIQUE (lookup, lookup_key_version)" : "")}
        );
        """;
}
