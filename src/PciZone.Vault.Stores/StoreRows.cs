using System.Data.Common;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores;

/// <summary>
/// The column lists both stores select, and the records read back from them, so SQLite and PostgreSQL map
/// rows one way (both readers are <see cref="DbDataReader"/>s).
/// </summary>
internal static class StoreRows
{
    public const string TokenColumns =
        "token, lookup, lookup_key_version, encrypted_pan, field_key_version, profile, last4, created_at_ticks, created_by";

    public const string KeyColumns =
        "purpose, version, wrapped_key, kek_provider, kek_id, created_at_ticks, activated_at_ticks, retired_at_ticks, crypto_period_ends_ticks";

    public const string AuditColumns = "sequence, at_ticks, actor, action, subject, outcome, previous_hash, hash";

    /// <summary>Reads the <see cref="TokenColumns"/> starting at column <paramref name="first"/>.</summary>
    public static TokenRecord Token(DbDataReader r, int first = 0) => new(
        r.GetString(first),
        r.GetFieldValue<byte[]>(first + 1),
        r.GetInt32(first + 2),
        r.GetFieldValue<byte[]>(first + 3),
        r.GetInt32(first + 4),
        r.GetString(first + 5),
        r.GetString(first + 6),
        StoreValues.Time(r.GetInt64(first + 7)),
        r.GetString(first + 8));

    /// <summary>Reads the <see cref="KeyColumns"/>.</summary>
    public static StoredDataKey Key(DbDataReader r) => new(
        StoreValues.Purpose(r.GetString(0)),
        r.GetInt32(1),
        r.GetFieldValue<byte[]>(2),
        r.GetString(3),
        r.GetString(4),
        StoreValues.Time(r.GetInt64(5)),
        StoreValues.Time(r.GetInt64(6)),
        r.IsDBNull(7) ? null : StoreValues.Time(r.GetInt64(7)),
        StoreValues.Time(r.GetInt64(8)));

    /// <summary>Reads the <see cref="AuditColumns"/>.</summary>
    public static AuditEntry Audit(DbDataReader r) => new(
        r.GetInt64(0),
        StoreValues.Time(r.GetInt64(1)),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.GetFieldValue<byte[]>(6),
        r.GetFieldValue<byte[]>(7));
}
