using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PciZone.Scope.Output;

/// <summary>
/// Streams a <see cref="Utf8JsonWriter"/> into a <see cref="TextWriter"/> through a bounded buffer, so
/// evidence for an estate of any size costs a fixed amount of memory (the same approach as the scan
/// report's JSON writer in PciZone.Reporting, which this assembly does not reference).
/// </summary>
internal sealed class JsonTextSink : IDisposable
{
    private const int DrainThreshold = 64 * 1024;

    // Relaxed escaping keeps quotes and non-ASCII readable; control characters, quotes and
    // backslashes are still escaped. The file is evidence, never embedded in HTML.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(DrainThreshold * 2);
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private readonly TextWriter _output;
    private char[] _chars = new char[DrainThreshold * 2];

    public JsonTextSink(TextWriter output)
    {
        _output = output;
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

    /// <summary>Flushes the rest and ends the document with a newline.</summary>
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
