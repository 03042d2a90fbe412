using System.Runtime.CompilerServices;
using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Records;

/// <summary>Receives each complete record of a log object, in order.</summary>
internal interface IRecordHandler
{
    void OnRecord(RecordView record, int index);
}

/// <summary>What the reader found in one object.</summary>
internal readonly record struct ReadOutcome(ObjectKind Kind, int RecordsSeen);

/// <summary>
/// Reads one CloudTrail log object (gzip or plain JSON) into a pooled buffer and walks it with
/// <see cref="Utf8JsonReader"/>, handing each record to the handler as soon as its closing brace is read:
/// records before any damage are therefore kept. Not thread-safe; one per detector.
/// </summary>
internal sealed class LogObjectReader(PathTable paths)
{
    private static readonly byte[] RecordsName = "Records"u8.ToArray();
    private static readonly byte[][] DigestNames =
    [
        "digestStartTime"u8.ToArray(), "digestEndTime"u8.ToArray(), "digestPublicKeyFingerprint"u8.ToArray(),
        "digestSignatureAlgorithm"u8.ToArray(), "digestS3Bucket"u8.ToArray(), "digestS3Object"u8.ToArray(),
    ];

    private readonly RecordView _view = new(paths.Count);
    private byte[] _raw = ArrayPool<byte>.Shared.Rent(1 << 16);
    private byte[] _data = ArrayPool<byte>.Shared.Rent(1 << 18);

    public RecordView View => _view;

    public ReadOutcome Read(Stream content, string objectKey, IRecordHandler handler, List<InputProblem> problems)
    {
        if (objectKey.Contains("CloudTrail-Digest", StringComparison.OrdinalIgnoreCase))
        {
            return new ReadOutcome(ObjectKind.Digest, 0);
        }

        var rawLength = ReadAll(content, ref _raw);
        byte[] data;
        int length;
        var damaged = false;
        if (rawLength >= 2 && _raw[0] == 0x1f && _raw[1] == 0x8b)
        {
            length = Inflate(rawLength, out damaged);
            data = _data;
            if (damaged)
            {
                problems.Add(new InputProblem(objectKey, Position(length), "gzip stream is truncated or damaged; records after this point are lost"));
            }
        }
        else
        {
            data = _raw;
            length = rawLength;
        }

        var outcome = Walk(data, length, objectKey, handler, problems);
        return damaged ? outcome with { Kind = ObjectKind.Corrupt } : outcome;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Inflate(int rawLength, out bool damaged)
    {
        damaged = false;
        using var compressed = new MemoryStream(_raw, 0, rawLength, writable: false);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        var length = 0;
        try
        {
            ReadAll(gzip, ref _data, ref length);
        }
        catch (InvalidDataException)
        {
            // Cut or damaged deflate data: keep what was inflated so far.
            damaged = true;
        }

        // The runtime does not check the trailer: a file cut inside it inflates without complaint. The last
        // four bytes are the inflated length mod 2^32 (of the last member; CloudTrail writes one member).
        if (!damaged && (rawLength < 18 || BinaryPrimitives.ReadUInt32LittleEndian(_raw.AsSpan(rawLength - 4)) != (uint)length))
        {
            damaged = true;
        }

        return length;
    }

    private static int ReadAll(Stream stream, ref byte[] buffer)
    {
        var length = 0;
        ReadAll(stream, ref buffer, ref length);
        return length;
    }

    // The length is a ref so that a caller catching a failure still knows how much was read.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadAll(Stream stream, ref byte[] buffer, ref int length)
    {
        while (true)
        {
            if (length == buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }

            var n = stream.Read(buffer, length, buffer.Length - length);
            if (n == 0)
            {
                return;
            }

            length += n;
        }
    }

    // Runs once per log file over all of its records: without this the tiered JIT keeps it in tier-0 code
    // with on-stack replacement for its loops for the first few hundred files (BenchmarkDotNet's monitor
    // benchmark ran at 135,000 events/s before, 340,000 after).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOutcome Walk(byte[] data, int length, string objectKey, IRecordHandler handler, List<InputProblem> problems)
    {
        var reader = new Utf8JsonReader(data.AsSpan(0, length), new JsonReaderOptions { MaxDepth = 128 });
        var index = 0;
        var seen = 0;
        var sawRecords = false;
        var started = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new ReadOutcome(ObjectKind.NotCloudTrail, 0);
            }

            started = true;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (IsDigestName(ref reader))
                {
                    return new ReadOutcome(ObjectKind.Digest, 0);
                }

                var isRecords = reader.ValueTextEquals(RecordsName);
                reader.Read();
                if (!isRecords || reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                sawRecords = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        _view.Reset(data);
                        WalkValue(ref reader, paths.Root);
                        seen++;
                        handler.OnRecord(_view, index);
                    }
                    else
                    {
                        problems.Add(new InputProblem(objectKey, RecordPosition(index), "record is not a JSON object"));
                        reader.Skip();
                    }

                    index++;
                }
            }

            return new ReadOutcome(sawRecords ? ObjectKind.CloudTrail : ObjectKind.NotCloudTrail, seen);
        }
        catch (JsonException)
        {
            var where = sawRecords
                ? $"record {index.ToString(CultureInfo.InvariantCulture)}, {Position(reader.BytesConsumed)}"
                : Position(reader.BytesConsumed);
            problems.Add(new InputProblem(objectKey, where, started ? "malformed or truncated JSON; the records before it were kept" : "not JSON"));
            return new ReadOutcome(started ? ObjectKind.Corrupt : ObjectKind.NotCloudTrail, seen);
        }
    }

    private static bool IsDigestName(ref Utf8JsonReader reader)
    {
        foreach (var name in DigestNames)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    // Recursion follows the trie: a value no rule reads is skipped by the reader without being kept.
    private void WalkValue(ref Utf8JsonReader r, PathNode node)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.StartObject:
                if (node.Id >= 0)
                {
                    _view.Add(node.Id, (int)r.TokenStartIndex, 1, ValueKind.Object, false);
                }

                if (!node.HasChildren)
                {
                    r.Skip();
                    return;
                }

                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    var child = r.ValueIsEscaped ? FindEscaped(ref r, node) : node.Find(r.ValueSpan);
                    r.Read();
                    if (child is not null)
                    {
                        WalkValue(ref r, child);
                    }
                    else if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        r.Skip();
                    }
                }

                return;
            case JsonTokenType.StartArray:
                if (node.Id >= 0)
                {
                    _view.Add(node.Id, (int)r.TokenStartIndex, 1, ValueKind.Array, false);
                }

                if (node.Element is not { } element)
                {
                    r.Skip();
                    return;
                }

                while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                {
                    WalkValue(ref r, element);
                }

                return;
            default:
                if (node.Id >= 0)
                {
                    AddScalar(ref r, node.Id);
                }

                return;
        }
    }

    private void AddScalar(ref Utf8JsonReader r, int id)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                _view.Add(id, (int)r.TokenStartIndex + 1, r.ValueSpan.Length, ValueKind.String, r.ValueIsEscaped);
                break;
            case JsonTokenType.Number:
                _view.Add(id, (int)r.TokenStartIndex, r.ValueSpan.Length, ValueKind.Number, false);
                break;
            case JsonTokenType.True:
                _view.Add(id, (int)r.TokenStartIndex, 4, ValueKind.True, false);
                break;
            case JsonTokenType.False:
                _view.Add(id, (int)r.TokenStartIndex, 5, ValueKind.False, false);
                break;
            default:
                _view.Add(id, (int)r.TokenStartIndex, 4, ValueKind.Null, false);
                break;
        }
    }

    private static PathNode? FindEscaped(ref Utf8JsonReader r, PathNode node)
    {
        Span<byte> name = stackalloc byte[256];
        return r.ValueSpan.Length <= name.Length ? node.Find(name[..r.CopyString(name)]) : null;
    }

    private static string Position(long offset) => "byte " + offset.ToString(CultureInfo.InvariantCulture);

    private static string RecordPosition(int index) => "record " + index.ToString(CultureInfo.InvariantCulture);
}
