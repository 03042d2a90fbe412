namespace PciZone.Vault.Tokens;

/// <summary>
/// How much of a card number a mask shows. PCI DSS 3.4.1 allows at most the BIN (first 6) and the last 4,
/// so larger values are refused rather than honoured.
/// </summary>
/// <param name="KeepFirst">Leading digits shown, 0 to 6.</param>
/// <param name="KeepLast">Trailing digits shown, 0 to 4.</param>
/// <param name="MaskChar">The character that replaces hidden digits; not a digit.</param>
public sealed record MaskOptions(int KeepFirst = 6, int KeepLast = 4, char MaskChar = '*')
{
    /// <summary>First 6, last 4, '*'.</summary>
    public static MaskOptions Default { get; } = new();

    internal void Validate()
    {
        if (KeepFirst is < 0 or > 6 || KeepLast is < 0 or > 4)
        {
            throw new VaultInputException("mask-options", "A mask may show at most the first 6 and the last 4 digits.");
        }

        if (char.IsDigit(MaskChar) || char.IsControl(MaskChar))
        {
            throw new VaultInputException("mask-options", "The mask character must be printable and not a digit.");
        }
    }
}

/// <summary>Masks canonical card-number digits.</summary>
internal static class Masker
{
    public static string Mask(string digits, MaskOptions options) =>
        string.Create(digits.Length, (digits, options), static (span, state) =>
        {
            var (d, o) = state;
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = i < o.KeepFirst || i >= d.Length - o.KeepLast ? d[i] : o.MaskChar;
            }
        });
}
