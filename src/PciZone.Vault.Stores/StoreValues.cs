using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores;

/// <summary>
/// How both stores put values into columns. Times are UTC ticks (100 ns units) because the audit hash is
/// computed over <see cref="DateTimeOffset.UtcTicks"/>: PostgreSQL's timestamptz keeps only microseconds,
/// so a stored timestamptz could never be re-hashed to the same value.
/// </summary>
internal static class StoreValues
{
    public static long Ticks(DateTimeOffset at) => at.UtcTicks;

    public static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    public static string Purpose(KeyPurpose purpose) => purpose switch
    {
        KeyPurpose.Ff1 => "ff1",
        KeyPurpose.FieldEncryption => "field-encryption",
        KeyPurpose.Lookup => "lookup",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown key purpose."),
    };

    public static KeyPurpose Purpose(string text) => text switch
    {
        "ff1" => KeyPurpose.Ff1,
        "field-encryption" => KeyPurpose.FieldEncryption,
        "lookup" => KeyPurpose.Lookup,
        _ => throw new InvalidOperationException($"The store holds an unknown key purpose '{text}'."),
    };

    /// <summary>The error for a key version that already exists; names no key material.</summary>
    public static InvalidOperationException DuplicateKey(StoredDataKey key) =>
        new($"Key version {key.Version} of purpose {Purpose(key.Purpose)} already exists.");

    public static KeyNotFoundException MissingKey(KeyPurpose purpose, int version) =>
        new($"Key version {version} of purpose {Purpose(purpose)} does not exist.");

    /// <summary>Checks a record before it is written, so a bad caller fails with a clear message, not a constraint name.</summary>
    public static void Check(TokenRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.Token, nameof(record));
        ArgumentNullException.ThrowIfNull(record.Lookup, nameof(record));
        ArgumentNullException.ThrowIfNull(record.EncryptedPan, nameof(record));
        ArgumentNullException.ThrowIfNull(record.Profile, nameof(record));
        ArgumentNullException.ThrowIfNull(record.Last4, nameof(record));
        ArgumentNullException.ThrowIfNull(record.CreatedBy, nameof(record));
    }

    public static void Check(IReadOnlyList<AuditDraft> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var e in entries)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(entries));
        }
    }
}
