namespace PciZone.Estate;

/// <summary>An Amazon FSx file system (Lustre, Windows File Server, NetApp ONTAP or OpenZFS).</summary>
public sealed record FsxFileSystem : Resource
{
    /// <summary><c>LUSTRE</c>, <c>WINDOWS</c>, <c>ONTAP</c> or <c>OPENZFS</c>.</summary>
    public required string FileSystemType { get; init; }
}
