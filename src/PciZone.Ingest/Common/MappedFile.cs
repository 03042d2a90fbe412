using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace PciZone.Ingest;

/// <summary>
/// A read-only memory map of an input file, exposed as <see cref="Memory{T}"/>. A 200 MB plan read
/// with File.ReadAllBytes costs a copy and a large-object-heap array, whose allocation pushes the GC
/// into a full collection of the half-built estate; a map costs neither. Readers must not keep slices
/// of the memory after the map is disposed: they copy what they keep into strings.
/// </summary>
internal sealed unsafe class MappedFile : MemoryManager<byte>
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _pointer;
    private readonly int _length;

    private MappedFile(MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte* pointer, int length)
    {
        _map = map;
        _view = view;
        _pointer = pointer;
        _length = length;
    }

    /// <summary>Maps <paramref name="path"/> read-only. An empty file (which cannot be mapped) gives empty memory.</summary>
    public static MappedFile Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        if (stream.Length == 0)
        {
            return new MappedFile(null, null, null, 0);
        }

        if (stream.Length > int.MaxValue)
        {
            throw new IOException($"{path} is larger than 2 GB");
        }

        var map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        var view = map.CreateViewAccessor(0, stream.Length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        return new MappedFile(map, view, pointer + view.PointerOffset, (int)stream.Length);
    }

    /// <inheritdoc />
    public override Span<byte> GetSpan() => new(_pointer, _length);

    /// <inheritdoc />
    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    /// <inheritdoc />
    public override void Unpin()
    {
        // The map is not managed memory: nothing to unpin.
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _map!.Dispose();
        }
    }
}
