using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PciZone.Vault.Tests.Keys.Fakes;

/// <summary>One request the loopback received.</summary>
internal sealed record KmsCall(string Target, string ContentType, string? Authorization, JsonObject Body);

/// <summary>
/// AWS KMS (JSON 1.1 protocol) on 127.0.0.1 and a free port, for the real SDK: answers TrentService.Encrypt and
/// TrentService.Decrypt with the fixture bodies, filled by a deterministic fake cipher. The fake blob names the key
/// and the encryption context, so Decrypt under another key or context fails as KMS does. <see cref="Fail"/> makes
/// the next call of an operation answer with an error fixture.
/// </summary>
internal sealed class LoopbackKms : IDisposable
{
    private const string JsonType = "application/x-amz-json-1.1";
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, string> failures = new(StringComparer.Ordinal);
    private readonly Task loop;

    public LoopbackKms()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }

        listener.Prefixes.Add(Url + "/");
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<KmsCall> Calls { get; } = new();

    /// <summary>A fixed KeyId to answer with instead of the requested one (to test a mismatching answer).</summary>
    public string? AnswerKeyId { get; set; }

    public static string Fixture(string name)
    {
        var root = typeof(LoopbackKms).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "RepoRoot").Value!;
        return File.ReadAllText(Path.Combine(root, "tests", "PciZone.Vault.Tests", "Keys", "Fixtures", name));
    }

    /// <summary>The next call of <paramref name="operation"/> (Encrypt or Decrypt) fails with this KMS error code.</summary>
    public void Fail(string operation, string errorCode) => failures[operation] = errorCode;

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping.
        }
    }

    private async Task AcceptAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = JsonNode.Parse(reader.ReadToEnd())?.AsObject() ?? [];
        var target = request.Headers["X-Amz-Target"] ?? string.Empty;
        Calls.Enqueue(new KmsCall(target, request.ContentType ?? string.Empty, request.Headers["Authorization"], body));
        var (status, json) = Answer(request.HttpMethod, target, request.ContentType, body);
        var bytes = Encoding.UTF8.GetBytes(json);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = JsonType;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }

    private (int Status, string Json) Answer(string method, string target, string? contentType, JsonObject body)
    {
        var keyId = body["KeyId"]?.GetValue<string>() ?? string.Empty;
        var operation = target.StartsWith("TrentService.", StringComparison.Ordinal) ? target["TrentService.".Length..] : string.Empty;
        if (method != "POST" || contentType?.StartsWith(JsonType, StringComparison.Ordinal) != true || operation is not ("Encrypt" or "Decrypt"))
        {
            return (400, "{\"__type\":\"UnknownOperationException\"}");
        }

        if (failures.TryRemove(operation, out var code))
        {
            return Error(code, keyId, operation);
        }

        var context = Canonical(body["EncryptionContext"] as JsonObject);
        if (operation == "Encrypt")
        {
            var plain = Convert.FromBase64String(body["Plaintext"]!.GetValue<string>());
            var blob = FakeCipher.Seal(keyId, context, plain);
            return (200, Fill("kms-encrypt-response.json", keyId, ("{{CiphertextBlob}}", Convert.ToBase64String(blob))));
        }

        var opened = FakeCipher.Open(Convert.FromBase64String(body["CiphertextBlob"]!.GetValue<string>()), keyId, context);
        return opened is null
            ? Error("InvalidCiphertextException", keyId, operation)
            : (200, Fill("kms-decrypt-response.json", keyId, ("{{Plaintext}}", Convert.ToBase64String(opened))));
    }

    private (int, string) Error(string code, string keyId, string operation) =>
        (400, Fixture($"kms-error-{code}.json").Replace("{{KeyId}}", keyId, StringComparison.Ordinal).Replace("{{Operation}}", operation, StringComparison.Ordinal));

    private string Fill(string fixture, string keyId, (string Placeholder, string Value) field) =>
        Fixture(fixture).Replace("{{KeyId}}", AnswerKeyId ?? keyId, StringComparison.Ordinal).Replace(field.Placeholder, field.Value, StringComparison.Ordinal);

    private static string Canonical(JsonObject? context) =>
        context is null ? string.Empty : string.Join("&", context.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value?.GetValue<string>()));
}

/// <summary>A deterministic stand-in for KMS's ciphertext: header naming key and context, then the XORed plaintext.</summary>
internal static class FakeCipher
{
    public static byte[] Seal(string keyId, string context, byte[] plain)
    {
        var header = Encoding.UTF8.GetBytes($"FAKEKMS|{keyId}|{context}|");
        return [.. header, .. plain.Select(b => (byte)(b ^ 0xA5))];
    }

    public static byte[]? Open(byte[] blob, string keyId, string context)
    {
        var header = Encoding.UTF8.GetBytes($"FAKEKMS|{keyId}|{context}|");
        return blob.Length > header.Length && blob.AsSpan(0, header.Length).SequenceEqual(header)
            ? [.. blob.Skip(header.Length).Select(b => (byte)(b ^ 0xA5))]
            : null;
    }
}
