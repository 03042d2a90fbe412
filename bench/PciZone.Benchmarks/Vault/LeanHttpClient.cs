using System.Collections.Concurrent;

namespace PciZone.Benchmarks.Vault;

/// <summary>
/// Keep-alive <see cref="LeanHttpConnection"/>s to the service, one per request in flight: a call takes an
/// idle connection (or opens one), sends, reads the whole answer and puts the connection back.
/// </summary>
internal sealed class LeanHttpClient(Uri baseAddress, string apiKey) : IDisposable
{
    private readonly ConcurrentBag<LeanHttpConnection> _idle = [];

    /// <summary>Sends one request; <paramref name="read"/> sees the status and body before the connection is reused.</summary>
    public async Task<T> SendAsync<T>(string method, string path, byte[]? body, Func<int, ReadOnlyMemory<byte>, T> read)
    {
        var connection = _idle.TryTake(out var idle) ? idle : await LeanHttpConnection.OpenAsync(baseAddress, apiKey).ConfigureAwait(false);
        try
        {
            var (status, answer) = await connection.SendAsync(method, path, body).ConfigureAwait(false);
            var result = read(status, answer);
            _idle.Add(connection);
            return result;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
