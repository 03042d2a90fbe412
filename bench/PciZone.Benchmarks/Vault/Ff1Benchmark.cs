using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Org.BouncyCastle.Crypto.Fpe;
using Org.BouncyCastle.Crypto.Parameters;
using PciZone.Vault.Fpe;

namespace PciZone.Benchmarks.Vault;

/// <summary>
/// FF1 encryption of a 16-digit PAN (radix 10, 7-byte tweak, AES-256) on one thread: the vault's FF1 on
/// AES-NI, the same code on <see cref="System.Security.Cryptography.Aes"/> (the fallback path), and
/// BouncyCastle's FF1. Each invocation encrypts the previous ciphertext again, so no call can be skipped.
/// </summary>
[Config(typeof(Ff1Config))]
public class Ff1Benchmark
{
    private const int OursPerInvoke = 200_000;
    private const int BouncyCastlePerInvoke = 5_000;

    private readonly char[] _pan = "4111111111111111".ToCharArray();
    private readonly byte[] _tweak = [0x70, 0x63, 0x7a, 0x2d, 0x66, 0x66, 0x31];
    private readonly byte[] _numerals = new byte[16];
    private Ff1 _aesNi = null!;
    private Ff1 _platform = null!;
    private FpeFf1Engine _bouncyCastle = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A fixed, derived benchmark key: results are reproducible and no real key is involved.
        var key = SHA256.HashData(Encoding.ASCII.GetBytes("pcizone ff1 benchmark key"));
        _aesNi = new Ff1(key, 10);
        _platform = new Ff1(key, 10, allowIntrinsics: false);
        if (!_aesNi.UsesIntrinsics)
        {
            throw new InvalidOperationException("this machine has no AES-NI: the first row would measure the fallback");
        }

        _bouncyCastle = new FpeFf1Engine();
        _bouncyCastle.Init(true, new FpeParameters(new KeyParameter(key), 10, _tweak));
        for (var i = 0; i < 16; i++)
        {
            _numerals[i] = (byte)(_pan[i] - '0');
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _aesNi.Dispose();
        _platform.Dispose();
    }

    [Benchmark(OperationsPerInvoke = OursPerInvoke, Description = "Ff1 (AES-NI)")]
    public char Ff1AesNi()
    {
        var buffer = _pan.AsSpan();
        for (var i = 0; i < OursPerInvoke; i++)
        {
            _aesNi.Encrypt(buffer, _tweak, buffer);
        }

        return buffer[0];
    }

    [Benchmark(OperationsPerInvoke = OursPerInvoke, Description = "Ff1 (System.Security.Cryptography.Aes)")]
    public char Ff1PlatformAes()
    {
        var buffer = _pan.AsSpan();
        for (var i = 0; i < OursPerInvoke; i++)
        {
            _platform.Encrypt(buffer, _tweak, buffer);
        }

        return buffer[0];
    }

    [Benchmark(OperationsPerInvoke = BouncyCastlePerInvoke, Description = "BouncyCastle FpeFf1Engine")]
    public byte BouncyCastle()
    {
        for (var i = 0; i < BouncyCastlePerInvoke; i++)
        {
            _bouncyCastle.ProcessBlock(_numerals, 0, 16, _numerals, 0);
        }

        return _numerals[0];
    }
}

/// <summary>The scan benchmarks' runtime settings; 3 warm-ups, 10 measured invocations of many operations each.</summary>
public sealed class Ff1Config() : BenchConfig("Ff1", 3, 10, new PerSecondColumn(null, "Ops/s", "Operations per second of mean time on one thread (1 s / Mean)"));

