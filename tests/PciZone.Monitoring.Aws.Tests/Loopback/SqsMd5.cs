using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PciZone.Monitoring.Aws.Tests.Loopback;

/// <summary>The digests SQS returns and the SDK verifies (MD5OfBody, MD5OfMessageAttributes).</summary>
internal static class SqsMd5
{
#pragma warning disable CA5351 // SQS defines these digests as MD5; they are integrity checks, not security.
    public static string OfBody(string body) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>
    /// The documented algorithm: attributes sorted by name; each as length-prefixed name, length-prefixed data
    /// type, a transport byte (1 = string) and the length-prefixed value; lengths are 4-byte big-endian.
    /// </summary>
    public static string OfAttributes(IReadOnlyDictionary<string, (string Type, string Value)> attributes)
    {
        using var buffer = new MemoryStream();
        foreach (var (name, (type, value)) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            Write(buffer, name);
            Write(buffer, type);
            buffer.WriteByte(1);
            Write(buffer, value);
        }

        return Convert.ToHexStringLower(MD5.HashData(buffer.ToArray()));
    }
#pragma warning restore CA5351

    private static void Write(Stream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }
}
