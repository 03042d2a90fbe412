namespace PciZone.Vault.Fpe;

/// <summary>
/// An input or tweak outside what <see cref="Ff1"/> accepts: too few numerals for the standard's minimum
/// domain size, more numerals than the practical cap, a character outside the radix's alphabet, or a tweak
/// longer than the documented maximum. The message states the rule that was broken and never contains the
/// input itself, because the input is usually a card number.
/// </summary>
public sealed class FpeDomainException : ArgumentException
{
    /// <summary>Creates the exception with a message that must not contain the rejected value.</summary>
    public FpeDomainException()
        : base("The value is outside the FF1 domain.")
    {
    }

    /// <summary>Creates the exception with a message that must not contain the rejected value.</summary>
    public FpeDomainException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception naming the offending parameter; the message must not contain its value.</summary>
    public FpeDomainException(string message, string paramName)
        : base(message, paramName)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public FpeDomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
