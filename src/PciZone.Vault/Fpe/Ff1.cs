namespace PciZone.Vault.Fpe;

/// <summary>
/// FF1 format-preserving encryption (NIST SP 800-38G, with the Rev. 1 minimum domain of one million) over AES.
/// The alphabet is the first <see cref="Radix"/> characters of <c>0123456789abcdefghijklmnopqrstuvwxyz</c>
/// (lower case only).
/// </summary>
/// <remarks>
/// <para>Limits: at least the fewest numerals whose domain reaches 1,000,000 (6 in radix 10, 4 in radix 36,
/// 20 in radix 2) and at most 4,096 numerals (the standard allows 2^32; a cap refuses absurd inputs at once
/// instead of computing on them); tweaks of 0 to 256 bytes. Violations throw <see cref="FpeDomainException"/>
/// before any cryptography, and its message never contains the input.</para>
/// <para>Thread safety: <see cref="Encrypt"/> and <see cref="Decrypt"/> may be called from several threads at
/// once; <see cref="Dispose"/> must not race with them. Up to 38 decimal numerals (every card number) a call
/// allocates nothing. Input and output may be the same buffer.</para>
/// <para>AES runs on the processor's AES instructions for 128- and 256-bit keys when present, otherwise on
/// <see cref="System.Security.Cryptography.Aes"/>; both give the same results.</para>
/// </remarks>
public sealed class Ff1 : IDisposable
{
    private readonly AesBlock _aes;
    private volatile bool _disposed;

    /// <summary>Creates an FF1 cipher; the key is copied into the cipher and not kept otherwise.</summary>
    /// <param name="key">An AES-128, AES-192 or AES-256 key (16, 24 or 32 bytes).</param>
    /// <param name="radix">The number of numerals in the alphabet, 2 to 36.</param>
    /// <exception cref="ArgumentOutOfRangeException">The radix is outside 2..36.</exception>
    /// <exception cref="ArgumentException">The key is not 16, 24 or 32 bytes long.</exception>
    public Ff1(ReadOnlySpan<byte> key, int radix)
        : this(key, radix, allowIntrinsics: true)
    {
    }

    /// <summary>With <paramref name="allowIntrinsics"/> false, always uses the platform AES (tests and benchmarks compare both).</summary>
    internal Ff1(ReadOnlySpan<byte> key, int radix, bool allowIntrinsics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(radix, Ff1Radix.MinRadix);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radix, Ff1Radix.MaxRadix);
        Radix = radix;
        _aes = new AesBlock(key, allowIntrinsics);
    }

    /// <summary>The number of numerals in the alphabet (2 to 36).</summary>
    public int Radix { get; }

    /// <summary>Whether AES runs on the processor's AES instructions.</summary>
    internal bool UsesIntrinsics => _aes.UsesIntrinsics;

    /// <summary>Encrypts <paramref name="input"/> into <paramref name="output"/>, which has the same length and alphabet.</summary>
    /// <param name="input">Numerals of the radix's alphabet.</param>
    /// <param name="tweak">Public, non-secret variation (0 to 256 bytes); the same tweak is needed to decrypt.</param>
    /// <param name="output">Exactly as long as <paramref name="input"/>.</param>
    /// <exception cref="FpeDomainException">Too few or too many numerals, a character outside the alphabet, or a tweak too long.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> has another length than <paramref name="input"/>.</exception>
    public void Encrypt(ReadOnlySpan<char> input, ReadOnlySpan<byte> tweak, Span<char> output) =>
        Run(input, tweak, output, encrypt: true);

    /// <summary>Decrypts what <see cref="Encrypt"/> produced with the same key, radix and tweak.</summary>
    /// <param name="input">Numerals of the radix's alphabet.</param>
    /// <param name="tweak">The tweak given to <see cref="Encrypt"/>.</param>
    /// <param name="output">Exactly as long as <paramref name="input"/>.</param>
    /// <exception cref="FpeDomainException">Too few or too many numerals, a character outside the alphabet, or a tweak too long.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> has another length than <paramref name="input"/>.</exception>
    public void Decrypt(ReadOnlySpan<char> input, ReadOnlySpan<byte> tweak, Span<char> output) =>
        Run(input, tweak, output, encrypt: false);

    /// <summary>Erases the AES round keys.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _aes.Dispose();
        }
    }

    private void Run(ReadOnlySpan<char> input, ReadOnlySpan<byte> tweak, Span<char> output, bool encrypt)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Ff1Radix.Validate(input, tweak, output.Length, Radix);
        if (Ff1Fast.Fits(Radix, input.Length))
        {
            Ff1Fast.Run(_aes, Radix, input, tweak, output, encrypt);
        }
        else
        {
            Ff1Big.Run(_aes, Radix, input, tweak, output, encrypt);
        }
    }
}
