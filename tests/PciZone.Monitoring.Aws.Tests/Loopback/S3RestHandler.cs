using System.Collections.Specialized;
using System.Globalization;
using System.Security.Cryptography;
using System.Security;
using System.Text;

namespace PciZone.Monitoring.Aws.Tests.Loopback;

/// <summary>
/// S3 REST, path style: <c>GET /bucket/key</c> (GetObject) and <c>GET /bucket?list-type=2</c> (ListObjectsV2),
/// with bodies and errors in the shapes of the S3 API reference.
/// </summary>
internal sealed class S3RestHandler(LoopbackAws server)
{
    public static (string Operation, string Bucket, string Key) Classify(string method, string path, NameValueCollection query)
    {
        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var bucket = Uri.UnescapeDataString(slash < 0 ? trimmed : trimmed[..slash]);
        var key = slash < 0 ? string.Empty : Uri.UnescapeDataString(trimmed[(slash + 1)..]);
        var operation = method == "GET" && key.Length == 0 && query["list-type"] == "2" ? "ListObjectsV2"
            : method == "GET" && key.Length > 0 ? "GetObject"
            : method + " " + path;
        return (operation, bucket, key);
    }

    public LoopbackResponse Handle(string operation, string bucket, string key, NameValueCollection query)
    {
        if (!server.Buckets.TryGetValue(bucket, out var objects))
        {
            return Error(404, "NoSuchBucket", "The specified bucket does not exist", "/" + bucket);
        }

        return operation switch
        {
            "GetObject" => objects.TryGetValue(key, out var content)
                ? new LoopbackResponse(200, "application/octet-stream", content, new Dictionary<string, string>
                {
                    ["ETag"] = "\"" + ETag(content) + "\"",
                    ["Last-Modified"] = "Wed, 01 May 2024 00:05:00 GMT",
                })
                : Error(404, "NoSuchKey", "The specified key does not exist.", "/" + bucket + "/" + key),
            "ListObjectsV2" => List(bucket, objects, query),
            _ => Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", "/" + bucket),
        };
    }

    private static LoopbackResponse List(string bucket, SortedDictionary<string, byte[]> objects, NameValueCollection query)
    {
        var prefix = query["prefix"] ?? string.Empty;
        var maxKeys = int.Parse(query["max-keys"] ?? "1000", CultureInfo.InvariantCulture);
        var token = query["continuation-token"];
        var after = token is not null ? Encoding.UTF8.GetString(Convert.FromBase64String(token)) : query["start-after"];
        var matching = objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)
                                          && (after is null || string.CompareOrdinal(o.Key, after) > 0)).ToList();
        var page = matching.Take(maxKeys).ToList();
        var truncated = matching.Count > page.Count;
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        xml.Append(CultureInfo.InvariantCulture, $"<Name>{Escape(bucket)}</Name><Prefix>{Escape(prefix)}</Prefix>");
        if (token is not null)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<ContinuationToken>{token}</ContinuationToken>");
        }

        if (truncated)
        {
            var next = Convert.ToBase64String(Encoding.UTF8.GetBytes(page[^1].Key));
            xml.Append(CultureInfo.InvariantCulture, $"<NextContinuationToken>{next}</NextContinuationToken>");
        }

        xml.Append(CultureInfo.InvariantCulture, $"<KeyCount>{page.Count}</KeyCount><MaxKeys>{maxKeys}</MaxKeys>");
        xml.Append(CultureInfo.InvariantCulture, $"<IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>");
        foreach (var (key, content) in page)
        {
            xml.Append(CultureInfo.InvariantCulture,
                $"<Contents><Key>{Escape(key)}</Key><LastModified>2024-05-01T00:05:00.000Z</LastModified>"
                + $"<ETag>\"{ETag(content)}\"</ETag>"
                + $"<Size>{content.Length}</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }

        xml.Append("</ListBucketResult>");
        return Xml(200, xml.ToString());
    }

    // S3's ETag of a single-part object is the MD5 of its content, and the SDK checks GetObject bodies against it.
#pragma warning disable CA5351
    private static string ETag(byte[] content) => Convert.ToHexStringLower(MD5.HashData(content));
#pragma warning restore CA5351

    public static LoopbackResponse Error(int status, string code, string message, string resource) =>
        Xml(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + Escape(message)
                    + "</Message><Resource>" + Escape(resource) + "</Resource><RequestId>4442587FB7D0A2F9</RequestId></Error>");

    public static LoopbackResponse Xml(int status, string body) =>
        new(status, "application/xml", Encoding.UTF8.GetBytes(body), new Dictionary<string, string>());

    private static string Escape(string text) => SecurityElement.Escape(text);
}
