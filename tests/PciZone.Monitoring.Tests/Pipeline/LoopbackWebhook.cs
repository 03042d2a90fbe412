using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PciZone.Monitoring.Tests.Pipeline;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener on a free port) that answers each request with the next
/// scripted status (then 200) and keeps every request's body and headers.
/// </summary>
internal sealed class LoopbackWebhook : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script;
    private readonly Task _serving;

    public LoopbackWebhook(params (int Status, string? RetryAfter)[] script)
    {
        _script = new ConcurrentQueue<(int, string?)>(script);
        Port = FreePort();
        Url = new Uri($"http://127.0.0.1:{Port}/hook/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Url { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the pending accept.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new ReceivedRequest(context.Request.HttpMethod, body.ToArray(), headers));
            var (status, retryAfter) = _script.TryDequeue(out var next) ? next : (200, null);
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.AddHeader("Retry-After", retryAfter);
            }

            context.Response.Close();
        }
    }
}

internal sealed record ReceivedRequest(string Method, byte[] Body, IReadOnlyDictionary<string, string> Headers);
