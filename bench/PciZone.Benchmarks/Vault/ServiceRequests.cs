using System.Text;
using System.Text.Json;

namespace PciZone.Benchmarks.Vault;

/// <summary>
/// Request bodies of distinct, new, Luhn-valid PANs in the 4111 11 test range (a running counter in the
/// middle digits, the check digit last), and the one call both the benchmark and the load mode make.
/// Bodies are bytes built once per request so the client spends as little as it can of the shared CPU.
/// No PAN or token is ever printed.
/// </summary>
internal static class ServiceRequests
{
    public const string SinglePath = "/v1/tokenize";
    public const string BatchPath = "/v1/tokenize/batch";
    public const int BatchSize = 1000;

    // An item failed when its error is a string; "error":null may be written for the others.
    private static readonly byte[] ErrorField = "\"error\":\""u8.ToArray();
    private static long _next;
    private static string? _firstFailure;

    /// <summary>Status, title and code of the first refused request (the service never echoes input in them), or null.</summary>
    public static string? FirstFailure => Volatile.Read(ref _firstFailure);

    /// <summary>A body for one new PAN: <c>{"pan":"411111nnnnnnnnnc"}</c>.</summary>
    public static byte[] Single()
    {
        var sb = new StringBuilder(32).Append("{\"pan\":\"");
        AppendPan(sb, Interlocked.Increment(ref _next));
        return Encoding.ASCII.GetBytes(sb.Append("\"}").ToString());
    }

    /// <summary>A batch body of <see cref="BatchSize"/> new PANs.</summary>
    public static byte[] Batch()
    {
        var first = Interlocked.Add(ref _next, BatchSize) - BatchSize + 1;
        var sb = new StringBuilder(20 * BatchSize + 16).Append("{\"pans\":[");
        for (var i = 0; i < BatchSize; i++)
        {
            sb.Append(i == 0 ? "\"" : ",\"");
            AppendPan(sb, first + i);
            sb.Append('"');
        }

        return Encoding.ASCII.GetBytes(sb.Append("]}").ToString());
    }

    /// <summary>
    /// Posts <paramref name="body"/> and reads the whole answer. Returns the items that failed: all of them
    /// on a non-2xx status, else the batch items that carry an error code.
    /// </summary>
    public static Task<int> PostAsync(LeanHttpClient client, string path, byte[] body, int items) =>
        client.SendAsync("POST", path, body, (status, answer) =>
        {
            if (status is < 200 or > 299)
            {
                Interlocked.CompareExchange(ref _firstFailure, Describe(status, answer.Span), null);
                return items;
            }

            return items == 1 ? 0 : Count(answer.Span, ErrorField);
        });

    /// <summary>A GET that answers 2xx counts as one item done; anything else as one failed.</summary>
    public static Task<int> GetAsync(LeanHttpClient client, string path) =>
        client.SendAsync("GET", path, null, (status, answer) =>
        {
            if (status is >= 200 and <= 299)
            {
                return 0;
            }

            Interlocked.CompareExchange(ref _firstFailure, Describe(status, answer.Span), null);
            return 1;
        });

    private static void AppendPan(StringBuilder sb, long n)
    {
        Span<char> pan = stackalloc char[16];
        "411111".CopyTo(pan);
        // Nine digits of counter: a billion distinct PANs, far beyond any run.
        n %= 1_000_000_000;
        for (var i = 14; i >= 6; i--)
        {
            pan[i] = (char)('0' + (int)(n % 10));
            n /= 10;
        }

        pan[15] = CheckDigit(pan[..15]);
        sb.Append(pan);
    }

    /// <summary>The Luhn check digit to append to <paramref name="payload"/>.</summary>
    private static char CheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            // Counted from the right of the full number, whose check digit is position 0: the payload's
            // last digit is doubled.
            var d = payload[i] - '0';
            if ((payload.Length - i) % 2 == 1)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
        }

        return (char)('0' + (10 - sum % 10) % 10);
    }

    private static string Describe(int status, ReadOnlySpan<byte> answer)
    {
        string? title = null, code = null;
        try
        {
            var reader = new Utf8JsonReader(answer);
            using var problem = JsonDocument.ParseValue(ref reader);
            title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            code = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        }
        catch (JsonException)
        {
            // Not a problem-details body: the status alone must do.
        }

        return $"HTTP {status}, title '{title}', code '{code}'";
    }

    private static int Count(ReadOnlySpan<byte> text, ReadOnlySpan<byte> what)
    {
        var n = 0;
        for (int at; (at = text.IndexOf(what)) >= 0; text = text[(at + what.Length)..])
        {
            n++;
        }

        return n;
    }
}
