using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Keys;

/// <summary>
/// How a PAN exists at rest. Field encryption (PCI DSS 3.5.1, field level rather than disk level so 3.5.1.2 does
/// not apply): AES-256-GCM with a random 12-byte nonce, stored as nonce | ciphertext | tag, with the token and the
/// key version as associated data so a ciphertext copied to another token, or relabelled with another key version,
/// fails to decrypt. Keyed lookup (3.5.1.1): HMAC-SHA256 over the token profile and the PAN, never a plain hash.
/// The PAN is handled as characters and bytes in stack buffers that are zeroed; no string of it is made here.
/// </summary>
internal static class PanProtection
{
    public const int MaxPanLength = 19;
    public const int NonceSize = 12;
    public const int TagSize = DataKey.GcmTagSize;

    // Room for the version and a token of up to 60 UTF-8 bytes on the stack; longer tokens use the heap.
    private const int MaxAadLength = 64;

    /// <summary>Encrypts a PAN for one token under a field-encryption key version.</summary>
    public static byte[] EncryptPan(DataKey fieldKey, ReadOnlySpan<char> pan, string token)
    {
        Require(fieldKey, KeyPurpose.FieldEncryption);
        ArgumentException.ThrowIfNullOrEmpty(token);
        Span<byte> plain = stackalloc byte[MaxPanLength];
        try
        {
            var length = ToAscii(pan, plain);
            var output = new byte[NonceSize + length + TagSize];
            var nonce = output.AsSpan(0, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            Span<byte> aad = stackalloc byte[MaxAadLength];
            var gcm = fieldKey.RentCipher();
            try
            {
                gcm.Encrypt(nonce, plain[..length], output.AsSpan(NonceSize, length), output.AsSpan(NonceSize + length), Aad(token, fieldKey.Version, aad));
            }
            finally
            {
                fieldKey.Return(gcm);
            }

            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>Decrypts a PAN into <paramref name="pan"/> and returns its length.</summary>
    /// <exception cref="CryptographicException">Modified, moved to another token, or not under this key version.</exception>
    public static int DecryptPan(DataKey fieldKey, ReadOnlySpan<byte> encryptedPan, string token, Span<char> pan)
    {
        Require(fieldKey, KeyPurpose.FieldEncryption);
        ArgumentException.ThrowIfNullOrEmpty(token);
        var length = encryptedPan.Length - NonceSize - TagSize;
        if (length is < 1 or > MaxPanLength)
        {
            throw new CryptographicException("The encrypted PAN has an invalid length.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(pan.Length, length, nameof(pan));
        Span<byte> plain = stackalloc byte[MaxPanLength];
        try
        {
            Span<byte> aad = stackalloc byte[MaxAadLength];
            var gcm = fieldKey.RentCipher();
            try
            {
                gcm.Decrypt(encryptedPan[..NonceSize], encryptedPan.Slice(NonceSize, length), encryptedPan[^TagSize..], plain[..length], Aad(token, fieldKey.Version, aad));
            }
            catch (AuthenticationTagMismatchException ex)
            {
                throw new CryptographicException(
                    $"The encrypted PAN of token {token} failed authentication: modified, moved from another token, or not under {fieldKey}.", ex);
            }
            finally
            {
                fieldKey.Return(gcm);
            }

            for (var i = 0; i < length; i++)
            {
                pan[i] = (char)plain[i];
            }

            return length;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>HMAC-SHA256(lookup key, len(profile) | profile | PAN): finds the existing token of a PAN for a profile.</summary>
    public static byte[] Lookup(DataKey lookupKey, ReadOnlySpan<char> pan, string profile)
    {
        Require(lookupKey, KeyPurpose.Lookup);
        ArgumentNullException.ThrowIfNull(profile);
        var profileLength = Encoding.UTF8.GetByteCount(profile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(profileLength, 256, nameof(profile));

        // The length prefix keeps (profile "a1", PAN "23...") and (profile "a", PAN "123...") apart.
        Span<byte> message = stackalloc byte[4 + 256 + MaxPanLength];
        try
        {
            BinaryPrimitives.WriteInt32BigEndian(message, profileLength);
            Encoding.UTF8.GetBytes(profile, message[4..]);
            var panLength = ToAscii(pan, message.Slice(4 + profileLength, MaxPanLength));
            var result = new byte[HMACSHA256.HashSizeInBytes];
            var mac = lookupKey.RentMac();
            try
            {
                mac.AppendData(message[..(4 + profileLength + panLength)]);
                mac.GetHashAndReset(result);
            }
            catch
            {
                // An instance that failed mid-message may hold part of a card number: never reuse it.
                mac.Dispose();
                throw;
            }

            lookupKey.Return(mac);
            return result;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(message);
        }
    }

    private static void Require(DataKey key, KeyPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Purpose != purpose)
        {
            throw new ArgumentException($"Expected a {purpose} key, got {key}.", nameof(key));
        }
    }

    // Digits only, so each char is one byte and nothing needs a general-purpose encoder (which could allocate).
    private static int ToAscii(ReadOnlySpan<char> pan, Span<byte> destination)
    {
        if (pan.Length is < 1 or > MaxPanLength)
        {
            throw new ArgumentException($"A PAN must have 1 to {MaxPanLength} digits.", nameof(pan));
        }

        for (var i = 0; i < pan.Length; i++)
        {
            var c = pan[i];
            if (c is < '0' or > '9')
            {
                destination[..i].Clear();
                throw new ArgumentException("A PAN must contain digits only.", nameof(pan));
            }

            destination[i] = (byte)c;
        }

        return pan.Length;
    }

    private static ReadOnlySpan<byte> Aad(string token, int version, Span<byte> buffer)
    {
        var length = Encoding.UTF8.GetByteCount(token);
        var aad = length <= buffer.Length - 4 ? buffer[..(4 + length)] : new byte[4 + length];
        BinaryPrimitives.WriteInt32BigEndian(aad, version);
        Encoding.UTF8.GetBytes(token, aad[4..]);
        return aad;
    }
}
