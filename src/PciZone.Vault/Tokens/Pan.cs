namespace PciZone.Vault.Tokens;

/// <summary>
/// A card number returned by detokenisation. <see cref="ToString"/> masks it (first 6, last 4), so passing it
/// to a logger or an interpolated string cannot leak it; only <see cref="Reveal"/> gives the digits.
/// </summary>
public sealed class Pan
{
    private readonly string digits;

    internal Pan(string digits)
    {
        this.digits = digits;
    }

    /// <summary>The number of digits.</summary>
    public int Length => digits.Length;

    /// <summary>The last four digits (may be shown, PCI DSS 3.4.1).</summary>
    public string Last4 => digits[^4..];

    /// <summary>The full card number: only for the caller that is entitled to it, never for logs.</summary>
    public string Reveal() => digits;

    /// <summary>The masked form, e.g. <c>411111******1111</c>.</summary>
    public override string ToString() => Masker.Mask(digits, MaskOptions.Default);
}
