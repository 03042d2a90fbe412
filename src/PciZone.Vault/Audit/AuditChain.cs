using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Audit;

/// <summary>
/// The hash chain of the audit log. Hash(n) = SHA-256(Hash(n-1) || canonical(n)), where canonical(n) is
/// the sequence (8 bytes, big-endian), the time (UTC ticks, 8 bytes) and the four text fields, each as a
/// 4-byte length and UTF-8 bytes. Editing, deleting, inserting or reordering any entry breaks every hash
/// after it; <see cref="Verify"/> names the first entry that does not match.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static byte[] Genesis { get; } = new byte[32];

    /// <summary>Computes an entry's hash from the previous hash and its fields.</summary>
    public static byte[] Hash(byte[] previousHash, long sequence, DateTimeOffset at, string actor, string action, string subject, string outcome)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ReadOnlySpan<string> fields = [actor, action, subject, outcome];
        var length = previousHash.Length + 16;
        foreach (var field in fields)
        {
            length += 4 + Encoding.UTF8.GetByteCount(field);
        }

        // One contiguous message hashed in one call: the vault hashes one entry per request.
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> message = rented ?? stackalloc byte[1024];
        previousHash.CopyTo(message);
        var offset = previousHash.Length;
        BinaryPrimitives.WriteInt64BigEndian(message[offset..], sequence);
        BinaryPrimitives.WriteInt64BigEndian(message[(offset + 8)..], at.UtcTicks);
        offset += 16;
        foreach (var field in fields)
        {
            var written = Encoding.UTF8.GetBytes(field, message[(offset + 4)..]);
            BinaryPrimitives.WriteInt32BigEndian(message[offset..], written);
            offset += 4 + written;
        }

        var hash = SHA256.HashData(message[..offset]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return hash;
    }

    /// <summary>Links drafts after <paramref name="previous"/> (null for an empty log).</summary>
    public static IReadOnlyList<AuditEntry> Link(AuditEntry? previous, IReadOnlyList<AuditDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var result = new List<AuditEntry>(drafts.Count);
        var prevHash = previous?.Hash ?? Genesis;
        var seq = previous?.Sequence ?? 0;
        foreach (var d in drafts)
        {
            seq++;
            var hash = Hash(prevHash, seq, d.At, d.Actor, d.Action, d.Subject, d.Outcome);
            result.Add(new AuditEntry(seq, d.At, d.Actor, d.Action, d.Subject, d.Outcome, prevHash, hash));
            prevHash = hash;
        }

        return result;
    }

    /// <summary>
    /// Checks a whole chain in order: sequence without gaps from 1, each previous hash equal to the last
    /// hash, each hash recomputed. Returns null when intact, else the first broken sequence and why.
    /// </summary>
    public static (long Sequence, string Reason)? Verify(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var prevHash = Genesis;
        long expected = 1;
        foreach (var e in entries)
        {
            if (e.Sequence != expected)
            {
                return (expected, e.Sequence > expected ? $"entry {expected} is missing (found {e.Sequence})" : $"entry {e.Sequence} is out of order");
            }

            if (!CryptographicOperations.FixedTimeEquals(e.PreviousHash, prevHash))
            {
                return (e.Sequence, "its previous hash does not match the entry before it");
            }

            var hash = Hash(prevHash, e.Sequence, e.At, e.Actor, e.Action, e.Subject, e.Outcome);
            if (!CryptographicOperations.FixedTimeEquals(hash, e.Hash))
            {
                return (e.Sequence, "its content does not match its hash (edited)");
            }

            prevHash = e.Hash;
            expected++;
        }

        return null;
    }
}
