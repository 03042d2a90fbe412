using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PciZone.Benchmarks.Vault;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends a request and reads the whole answer, with as little
/// client work as a load generator can get away with: fixed header bytes built once, one buffer, no
/// headers parsed beyond the status line, Content-Length and chunked framing. The service and its load
/// share this machine's two cores, so every microsecond the client spends is taken from the server;
/// HttpClient spends several times this per request. Not a general client: loopback, no TLS, no redirects.
/// </summary>
internal sealed class LeanHttpConnection : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "\r\ncontent-length:"u8.ToArray();
    private static readonly byte[] Chunked = "\r\ntransfer-encoding: chunked"u8.ToArray();

    private readonly Socket _socket;
    private readonly string _headers;
    private byte[] _buffer = new byte[1 << 16];

    private LeanHttpConnection(Socket socket, string headers)
    {
        _socket = socket;
        _headers = headers;
    }

    public static async Task<LeanHttpConnection> OpenAsync(Uri baseAddress, string apiKey)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(baseAddress.Host), baseAddress.Port)).ConfigureAwait(false);
        return new LeanHttpConnection(socket, $"Host: {baseAddress.Authority}\r\nX-Api-Key: {apiKey}\r\n");
    }

    /// <summary>Sends one request and returns the status and the body (valid until the next call).</summary>
    public async Task<(int Status, ReadOnlyMemory<byte> Body)> SendAsync(string method, string path, byte[]? body)
    {
        // Head and body in one send: one system call, and one segment for the server to wake up to.
        var head = body is null
            ? $"{method} {path} HTTP/1.1\r\n{_headers}\r\n"
            : $"{method} {path} HTTP/1.1\r\n{_headers}Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        var request = new byte[head.Length + (body?.Length ?? 0)];
        Encoding.ASCII.GetBytes(head, request);
        body?.CopyTo(request.AsSpan(head.Length));
        await _socket.SendAsync(request, SocketFlags.None).ConfigureAwait(false);

        var filled = 0;
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(0, filled).IndexOf(HeaderEnd)) < 0)
        {
            filled += await ReceiveAsync(filled).ConfigureAwait(false);
        }

        var bodyStart = headerEnd + HeaderEnd.Length;
        var status = ParseStatus(_buffer.AsSpan(0, headerEnd));
        var headerText = _buffer.AsSpan(0, headerEnd);
        if (IndexOfIgnoreCase(headerText, Chunked) >= 0)
        {
            return (status, await ReadChunkedAsync(bodyStart, filled).ConfigureAwait(false));
        }

        var at = IndexOfIgnoreCase(headerText, ContentLength);
        var length = 0;
        if (at >= 0)
        {
            var value = headerText[(at + ContentLength.Length)..].TrimStart((byte)' ');
            Utf8Parser.TryParse(value, out length, out _);
        }

        while (filled - bodyStart < length)
        {
            filled += await ReceiveAsync(filled).ConfigureAwait(false);
        }

        return (status, _buffer.AsMemory(bodyStart, length));
    }

    public void Dispose() => _socket.Dispose();

    // Decodes the chunks in place: the body ends up contiguous from bodyStart.
    private async Task<ReadOnlyMemory<byte>> ReadChunkedAsync(int bodyStart, int filled)
    {
        var read = bodyStart;
        var written = bodyStart;
        while (true)
        {
            int lineEnd;
            while ((lineEnd = _buffer.AsSpan(read, filled - read).IndexOf("\r\n"u8)) < 0)
            {
                filled += await ReceiveAsync(filled).ConfigureAwait(false);
            }

            Utf8Parser.TryParse(_buffer.AsSpan(read, lineEnd), out int size, out _, 'x');
            read += lineEnd + 2;
            while (filled - read < size + 2)
            {
                filled += await ReceiveAsync(filled).ConfigureAwait(false);
            }

            if (size == 0)
            {
                return _buffer.AsMemory(bodyStart, written - bodyStart);
            }

            Buffer.BlockCopy(_buffer, read, _buffer, written, size);
            written += size;
            read += size + 2;
        }
    }

    private async Task<int> ReceiveAsync(int filled)
    {
        if (filled == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var n = await _socket.ReceiveAsync(_buffer.AsMemory(filled), SocketFlags.None).ConfigureAwait(false);
        return n > 0 ? n : throw new IOException("The service closed the connection.");
    }

    private static int ParseStatus(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 200 OK"
        Utf8Parser.TryParse(head[9..12], out int status, out _);
        return status;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCaseWhat)
    {
        for (var i = 0; i + lowerCaseWhat.Length <= text.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(text.Slice(i, lowerCaseWhat.Length), lowerCaseWhat))
            {
                return i;
            }
        }

        return -1;
    }
}
