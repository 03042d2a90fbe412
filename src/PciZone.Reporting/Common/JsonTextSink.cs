using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PciZone.Reporting;

/// <summary>
/// Lets a <see cref="Utf8JsonWriter"/> stream into a <see cref="TextWriter"/>: the writer fills a
/// bounded byte buffer that is drained (decoded to chars) whenever it grows past a threshold, so a
/// report of any size costs a fixed amount of memory and no object graph. PciZone.Scope compiles this
/// same file in for its evidence file (it may not reference this assembly).
/// </summary>
internal sealed class JsonTextSink : IDisposable
{
    private const int DrainThreshold = 64 * 1024;

    // Relaxed escaping keeps quotes, ampersands and non-ASCII text readable; the output is a report
    // file, never embedded in HTML, so HTML-sensitive characters need no escaping.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(DrainThreshold * 2);
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private readonly TextWriter _output;

    // Set when the output is a stream writer that would only encode the decoded text back into the same
    // UTF-8 bytes: the bytes then go straight to its stream (a 100,000-resource SARIF report is 124 MB).
    private readonly Stream? _utf8Stream;
    private char[] _chars = [];

    public JsonTextSink(TextWriter output)
    {
        _output = output;
        if (output is StreamWriter { Encoding: UTF8Encoding utf8 } sw && utf8.Preamble.Length == 0)
        {
            sw.Flush();
            _utf8Stream = sw.BaseStream;
        }

        Writer = new Utf8JsonWriter(_buffer, Options);
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>Call between array items: drains once enough bytes have piled up.</summary>
    public void MaybeDrain()
    {
        if (Writer.BytesPending + _buffer.WrittenCount >= DrainThreshold)
        {
            Drain();
        }
    }

    /// <summary>Flushes the rest and ends the document with a newline, as text files do.</summary>
    public void Complete()
    {
        Drain();
        _output.Write('\n');
        _output.Flush();
    }

    public void Dispose() => Writer.Dispose();

    private void Drain()
    {
        Writer.Flush();
        var bytes = _buffer.WrittenSpan;
        if (bytes.IsEmpty)
        {
            return;
        }

        if (_utf8Stream is not null)
        {
            _utf8Stream.Write(bytes);
            _buffer.ResetWrittenCount();
            return;
        }

        var max = _decoder.GetCharCount(bytes, flush: false);
        if (_chars.Length < max)
        {
            _chars = new char[max];
        }

        var n = _decoder.GetChars(bytes, _chars, flush: false);
        _output.Write(_chars, 0, n);
        _buffer.ResetWrittenCount();
    }
}
