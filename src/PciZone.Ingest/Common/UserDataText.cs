using System.Text;
using PciZone.Estate;

namespace PciZone.Ingest;

/// <summary>Reads EC2 user data as text, from base64 where the input holds it so.</summary>
internal static class UserDataText
{
    /// <summary>
    /// The user data at <paramref name="path"/>, decoded from base64 when it is valid base64 of UTF-8 text,
    /// else as written; null when absent or empty.
    /// </summary>
    public static Value<string?> Decoded(IResourceView r, string path)
    {
        var v = r.String(path);
        if (v.IsUnknown && !r.IsWritten(path))
        {
            return Value.Default<string?>(null, r.At(path));
        }

        return v.Map(s => string.IsNullOrEmpty(s) ? null : Decode(s));
    }

    /// <summary>
    /// Terraform's <c>user_data</c> of instances and launch configurations: the AWS provider plans a
    /// hash of it, so the text is unknown when it is written; <c>user_data_base64</c> holds the text.
    /// </summary>
    public static Value<string?> TerraformHashedOrBase64(IResourceView r)
    {
        if (r.IsWritten("user_data_base64") || r.String("user_data_base64").GetOrDefault() is { Length: > 0 })
        {
            return Decoded(r, "user_data_base64");
        }

        return r.IsWritten("user_data") || r.String("user_data").GetOrDefault() is { Length: > 0 }
            ? Value.Unknown<string?>("the AWS provider plans user_data as a hash; only user_data_base64 shows the text", r.At("user_data"))
            : Value.Default<string?>(null, r.At("user_data"));
    }

    private static string Decode(string s)
    {
        var buffer = new byte[s.Length];
        if (Convert.TryFromBase64String(s.Trim(), buffer, out var written))
        {
            try
            {
                return new UTF8Encoding(false, true).GetString(buffer, 0, written);
            }
            catch (DecoderFallbackException)
            {
                // Binary (a gzip'd cloud-init archive): nothing a text pattern can read.
                return "";
            }
        }

        return s;
    }
}
