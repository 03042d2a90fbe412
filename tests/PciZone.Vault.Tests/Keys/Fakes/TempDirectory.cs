using PciZone.Vault.Keys;

namespace PciZone.Vault.Tests.Keys.Fakes;

/// <summary>A private temporary folder per test, deleted afterwards; makes fast local KEKs.</summary>
internal sealed class TempDirectory : IDisposable
{
    // The floor the reader accepts: keeps the suite quick; one test checks the production default.
    public const int FastIterations = 100_000;

    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pcizone-keys-" + Guid.NewGuid().ToString("N"))).FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public LocalKeyFile NewKek(string name = "kek.bin", string passphrase = "correct horse battery staple") =>
        LocalKeyFileIo.Create(File(name), passphrase, default, 1, FastIterations);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
