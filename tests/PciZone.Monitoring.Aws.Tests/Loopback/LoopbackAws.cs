using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PciZone.Monitoring.Aws.Tests.Loopback;

/// <summary>An HTTP response from the loopback.</summary>
internal sealed record LoopbackResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public LoopbackResponse(int status, string contentType, string body, IReadOnlyDictionary<string, string> headers)
        : this(status, contentType, Encoding.UTF8.GetBytes(body), headers)
    {
    }
}

/// <summary>
/// SQS (JSON protocol) and S3 (REST, path style) on 127.0.0.1 and a free port, for the real AWS SDK. Queues are
/// live (<see cref="FakeQueue"/>); buckets are in memory; <see cref="Script"/> makes the next matching request
/// answer with a given response (a literal body from AWS's documentation, or an error to test retries).
/// </summary>
internal sealed class LoopbackAws : IAsyncDisposable
{
    public const string Account = "111122223333";
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, FakeQueue> queues = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(Func<string, string, bool> Match, LoopbackResponse Response)> scripts = new();
    private readonly Lock scriptGate = new();
    private readonly SqsJsonHandler sqs;
    private readonly S3RestHandler s3;
    private readonly Task loop;

    public LoopbackAws()
    {
        sqs = new SqsJsonHandler(this);
        s3 = new S3RestHandler(this);
        Port = FreePort();
        ServiceUrl = $"http://127.0.0.1:{Port}";
        listener.Prefixes.Add(ServiceUrl + "/");
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string ServiceUrl { get; }

    public ConcurrentDictionary<string, SortedDictionary<string, byte[]>> Buckets { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request as "Operation bucket/key" (S3) or "Operation" (SQS), in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public FakeQueue CreateQueue(string name)
    {
        var queue = new FakeQueue(name, $"{ServiceUrl}/{Account}/{name}", TimeProvider.System);
        queues[name] = queue;
        return queue;
    }

    public FakeQueue? FindQueue(string url) =>
        queues.TryGetValue(url.TrimEnd('/').Split('/')[^1], out var queue) ? queue : null;

    public void PutObject(string bucket, string key, byte[] content)
    {
        var objects = Buckets.GetOrAdd(bucket, _ => new SortedDictionary<string, byte[]>(StringComparer.Ordinal));
        lock (objects)
        {
            objects[key] = content;
        }
    }

    /// <summary>The next <paramref name="times"/> requests for which match(operation, bucket/key) holds get this response.</summary>
    public void Script(Func<string, string, bool> match, LoopbackResponse response, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            scripts.Enqueue((match, response));
        }
    }

    private LoopbackResponse? TakeScript(string operation, string target)
    {
        lock (scriptGate)
        {
            var all = new List<(Func<string, string, bool> Match, LoopbackResponse Response)>();
            while (scripts.TryDequeue(out var entry))
            {
                all.Add(entry);
            }

            var index = all.FindIndex(e => e.Match(operation, target));
            LoopbackResponse? found = index < 0 ? null : all[index].Response;
            for (var i = 0; i < all.Count; i++)
            {
                if (i != index)
                {
                    scripts.Enqueue(all[i]);
                }
            }

            return found;
        }
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }

            // Long polls hold their request: serve each one on its own task.
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        LoopbackResponse response;
        try
        {
            response = await RouteAsync(request, body);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            response = SqsJsonHandler.Json(500, "{\"__type\":\"InternalFailure\",\"message\":\"" + ex.GetType().Name + "\"}");
        }
        catch (OperationCanceledException)
        {
            context.Response.Abort();
            return;
        }

        try
        {
            var output = context.Response;
            output.StatusCode = response.Status;
            output.ContentType = response.ContentType;
            output.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            output.Headers["x-amz-request-id"] = "4442587FB7D0A2F9";
            foreach (var (name, value) in response.Headers)
            {
                output.Headers[name] = value;
            }

            output.ContentLength64 = response.Body.Length;
            await output.OutputStream.WriteAsync(response.Body);
            output.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away (cancelled long poll, test ended).
        }
    }

    private async Task<LoopbackResponse> RouteAsync(HttpListenerRequest request, string body)
    {
        var target = request.Headers["X-Amz-Target"];
        if (target is not null && target.StartsWith("AmazonSQS.", StringComparison.Ordinal))
        {
            var operation = target["AmazonSQS.".Length..];
            Requests.Enqueue(operation);
            return TakeScript(operation, string.Empty) ?? await sqs.HandleAsync(operation, body, stopping.Token);
        }

        var rawPath = request.RawUrl!.Split('?')[0];
        var (s3Operation, bucket, key) = S3RestHandler.Classify(request.HttpMethod, rawPath, request.QueryString);
        Requests.Enqueue(s3Operation + " " + bucket + "/" + key);
        return TakeScript(s3Operation, bucket + "/" + key) ?? HandleS3(s3Operation, bucket, key, request);
    }

    private LoopbackResponse HandleS3(string operation, string bucket, string key, HttpListenerRequest request)
    {
        if (!Buckets.TryGetValue(bucket, out var objects))
        {
            return s3.Handle(operation, bucket, key, request.QueryString);
        }

        lock (objects)
        {
            return s3.Handle(operation, bucket, key, request.QueryString);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (Exception)
        {
            // Shutting down.
        }

        stopping.Dispose();
    }
}
