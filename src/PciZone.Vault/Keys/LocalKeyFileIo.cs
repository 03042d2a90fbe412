using System.Security.Cryptography;

namespace PciZone.Vault.Keys;

/// <summary>Creating and opening local KEK files: permissions, atomic creation, authenticated decryption.</summary>
internal static class LocalKeyFileIo
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static LocalKeyFile Create(string path, ReadOnlySpan<char> first, ReadOnlySpan<char> second, int components, int iterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckPassphrase(first, components == 2 ? "first passphrase component" : "passphrase");
        if (components == 2)
        {
            CheckPassphrase(second, "second passphrase component");
        }

        if (File.Exists(path))
        {
            throw new KeyManagementException($"Key file {path} already exists; refusing to overwrite a key-encryption key.");
        }

        var salt = RandomNumberGenerator.GetBytes(LocalKeyFileFormat.SaltSize);
        var header = LocalKeyFileFormat.Header(components, iterations, salt, RandomNumberGenerator.GetBytes(LocalKeyFileFormat.IdSize));
        var kek = SecretBytes.PinnedRandom(DataKey.Length);
        var wrappingKey = LocalKeyFileFormat.WrappingKey(first, second, components, salt, iterations);
        try
        {
            var file = new byte[LocalKeyFileFormat.FileSize];
            header.CopyTo(file, 0);
            var nonce = file.AsSpan(LocalKeyFileFormat.HeaderSize, 12);
            RandomNumberGenerator.Fill(nonce);
            using (var gcm = new AesGcm(wrappingKey, 16))
            {
                gcm.Encrypt(nonce, kek, file.AsSpan(LocalKeyFileFormat.HeaderSize + 12, DataKey.Length), file.AsSpan(file.Length - 16), header);
            }

            WriteNew(path, file);
            return LocalKeyFile.FromKek(path, LocalKeyFileFormat.KeyId(file), components, kek);
        }
        catch
        {
            SecretBytes.Zero(kek);
            throw;
        }
        finally
        {
            SecretBytes.Zero(wrappingKey);
        }
    }

    public static LocalKeyFile Open(string path, ReadOnlySpan<char> first, ReadOnlySpan<char> second, int components)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = Read(path);
        if (file.Length != LocalKeyFileFormat.FileSize || !LocalKeyFileFormat.HasMagic(file))
        {
            throw new KeyManagementException($"{path} is not a PciZone key file, or it has been truncated or modified.");
        }

        if (file[5] != LocalKeyFileFormat.Version)
        {
            throw new KeyManagementException($"Key file {path} has format version {file[5]}; this build reads version {LocalKeyFileFormat.Version}.");
        }

        var needed = LocalKeyFileFormat.Components(file);
        if (needed != components)
        {
            throw new KeyManagementException(needed == 2
                ? $"Key file {path} is protected by two passphrase components (split knowledge); supply both."
                : $"Key file {path} is protected by one passphrase, not by two components.");
        }

        var iterations = LocalKeyFileFormat.Iterations(file);
        if (iterations < LocalKeyFileFormat.MinimumIterations)
        {
            throw new KeyManagementException($"Key file {path} has been modified (its key-derivation work factor is below the minimum).");
        }

        var wrappingKey = LocalKeyFileFormat.WrappingKey(first, second, components, LocalKeyFileFormat.Salt(file), iterations);
        var kek = SecretBytes.Pinned(DataKey.Length);
        try
        {
            using var gcm = new AesGcm(wrappingKey, 16);
            var body = file.AsSpan(LocalKeyFileFormat.HeaderSize);
            gcm.Decrypt(body[..12], body.Slice(12, DataKey.Length), body[^16..], kek, file.AsSpan(0, LocalKeyFileFormat.HeaderSize));
            return LocalKeyFile.FromKek(path, LocalKeyFileFormat.KeyId(file), components, kek);
        }
        catch (CryptographicException ex)
        {
            SecretBytes.Zero(kek);
            throw new KeyManagementException($"Cannot open key file {path}: wrong passphrase, or the file has been modified.", ex);
        }
        finally
        {
            SecretBytes.Zero(wrappingKey);
        }
    }

    private static void CheckPassphrase(ReadOnlySpan<char> passphrase, string what)
    {
        if (passphrase.Trim().Length < LocalKeyFile.MinimumPassphraseLength)
        {
            throw new KeyManagementException($"The {what} must have at least {LocalKeyFile.MinimumPassphraseLength} characters.");
        }
    }

    private static byte[] Read(string path)
    {
        try
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOthers) != 0)
            {
                throw new KeyManagementException($"Key file {path} is accessible to group or others; restrict it with chmod 600.");
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeyManagementException($"Cannot read key file {path}: {ex.GetType().Name}.", ex);
        }
    }

    // Written to a private temporary file first, so a crash never leaves a half-written KEK under the real name.
    private static void WriteNew(string path, byte[] content)
    {
        var temp = path + ".tmp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new KeyManagementException($"Cannot create key file {path}: {ex.GetType().Name}.", ex);
        }
    }
}
