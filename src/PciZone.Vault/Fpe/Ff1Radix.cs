using System.Globalization;

namespace PciZone.Vault.Fpe;

/// <summary>
/// The alphabet, the limits and the powers of each radix: everything FF1 checks before any cryptography,
/// so that an input outside the domain is refused at once (a 10,000-digit input fails here in microseconds;
/// BouncyCastle's FF1 computes on it for minutes).
/// </summary>
internal static class Ff1Radix
{
    public const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public const int MinRadix = 2;

    public const int MaxRadix = 36;

    /// <summary>SP 800-38G Rev. 1: radix^minlen must be at least one million.</summary>
    public const int MinDomainSize = 1_000_000;

    /// <summary>
    /// The standard allows 2^32 numerals; card numbers have at most 19, and nothing this vault protects
    /// needs more than a few hundred. A cap keeps the cost of one call bounded (a few milliseconds here).
    /// </summary>
    public const int MaxLength = 4096;

    /// <summary>The standard leaves the tweak's maximum length to the implementation.</summary>
    public const int MaxTweakLength = 256;

    // Powers[radix][k] = radix^k for every k whose power fits in a ulong.
    private static readonly ulong[][] PowerTable = BuildPowers();

    private static readonly int[] MinLengths = BuildMinLengths();

    public static ReadOnlySpan<ulong> Powers(int radix) => PowerTable[radix];

    /// <summary>The fewest numerals the radix allows: at least 2, and radix^n of at least one million.</summary>
    public static int MinLength(int radix) => MinLengths[radix];

    /// <summary>The numeral's value, or -1 for a character outside the 36-character alphabet.</summary>
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        _ => -1,
    };

    /// <summary>Checks lengths first (no work proportional to a huge input), then every character.</summary>
    public static void Validate(ReadOnlySpan<char> input, ReadOnlySpan<byte> tweak, int outputLength, int radix)
    {
        var n = input.Length;
        if (outputLength != n)
        {
            throw new ArgumentException("The output must be exactly as long as the input.", "output");
        }

        if (n < MinLengths[radix])
        {
            throw new FpeDomainException(
                string.Create(CultureInfo.InvariantCulture, $"FF1 with radix {radix} needs at least {MinLengths[radix]} numerals (a domain of at least 1,000,000 values, SP 800-38G Rev. 1); the input has {n}."),
                nameof(input));
        }

        if (n > MaxLength)
        {
            throw new FpeDomainException(
                string.Create(CultureInfo.InvariantCulture, $"FF1 here accepts at most {MaxLength} numerals; the input has {n}."),
                nameof(input));
        }

        if (tweak.Length > MaxTweakLength)
        {
            throw new FpeDomainException(
                string.Create(CultureInfo.InvariantCulture, $"The tweak may be at most {MaxTweakLength} bytes; it has {tweak.Length}."),
                nameof(tweak));
        }

        for (var i = 0; i < n; i++)
        {
            if ((uint)DigitValue(input[i]) >= (uint)radix)
            {
                // The position helps a caller find the fault; the character itself is never repeated.
                throw new FpeDomainException(
                    string.Create(CultureInfo.InvariantCulture, $"The input has a character outside the radix-{radix} alphabet (lower-case 0-9 then a-z) at index {i}."),
                    nameof(input));
            }
        }
    }

    private static ulong[][] BuildPowers()
    {
        var table = new ulong[MaxRadix + 1][];
        for (var radix = MinRadix; radix <= MaxRadix; radix++)
        {
            var powers = new List<ulong> { 1 };
            while (powers[^1] <= ulong.MaxValue / (ulong)radix)
            {
                powers.Add(powers[^1] * (ulong)radix);
            }

            table[radix] = [.. powers];
        }

        table[0] = table[1] = [];
        return table;
    }

    private static int[] BuildMinLengths()
    {
        var lengths = new int[MaxRadix + 1];
        for (var radix = MinRadix; radix <= MaxRadix; radix++)
        {
            var n = 2;
            while (PowerTable[radix][n] < MinDomainSize)
            {
                n++;
            }

            lengths[radix] = n;
        }

        return lengths;
    }
}
