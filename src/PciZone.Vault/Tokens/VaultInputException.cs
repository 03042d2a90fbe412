namespace PciZone.Vault.Tokens;

/// <summary>
/// Input the vault refuses (a malformed card number, an unknown or inapplicable token profile, an oversized
/// batch). The REST layer maps it to a 400 problem body using <see cref="Code"/>. The message never contains
/// the input: a card number must not reach a log through an exception.
/// </summary>
public class VaultInputException : ArgumentException
{
    /// <summary>Creates the exception with a stable machine code and a message free of the input.</summary>
    public VaultInputException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>A stable, machine-readable reason, e.g. <c>not-digits</c>, <c>bad-length</c>, <c>luhn</c>.</summary>
    public string Code { get; }
}

/// <summary>A card number that is not 12 to 19 digits or fails the Luhn check the profile requires.</summary>
public sealed class InvalidPanException : VaultInputException
{
    /// <summary>Creates the exception; the message is derived from the code only.</summary>
    public InvalidPanException(string code)
        : base(code, Describe(code))
    {
    }

    private static string Describe(string code) => code switch
    {
        VaultErrorCodes.NotDigits => "The card number may contain only the digits 0-9, spaces and hyphens.",
        VaultErrorCodes.BadLength => $"The card number must have {PanValidator.MinLength} to {PanValidator.MaxLength} digits.",
        VaultErrorCodes.Luhn => "The card number fails the Luhn check that the token profile requires.",
        _ => "The card number is not valid.",
    };
}

/// <summary>A token profile name the vault does not know, or one that cannot be applied to a card number of this length.</summary>
public sealed class InvalidProfileException : VaultInputException
{
    /// <summary>Creates the exception; <paramref name="message"/> must not contain a card number.</summary>
    public InvalidProfileException(string code, string message)
        : base(code, message)
    {
    }
}

/// <summary>The stable codes of <see cref="VaultInputException.Code"/> and of per-item batch errors.</summary>
public static class VaultErrorCodes
{
    /// <summary>Characters other than digits, spaces and hyphens.</summary>
    public const string NotDigits = "not-digits";

    /// <summary>Fewer than 12 or more than 19 digits.</summary>
    public const string BadLength = "bad-length";

    /// <summary>The Luhn check failed where the profile requires it.</summary>
    public const string Luhn = "luhn";

    /// <summary>No token profile has this name.</summary>
    public const string UnknownProfile = "unknown-profile";

    /// <summary>The profile would leave too few token digits for this card number's length.</summary>
    public const string ProfileNotApplicable = "profile-not-applicable";

    /// <summary>A batch with more items than allowed, or none.</summary>
    public const string BatchSize = "batch-size";

    /// <summary>The token is not in the vault.</summary>
    public const string NotFound = "not-found";

    /// <summary>A deterministic token that another card number already holds (astronomically rare; never retried silently).</summary>
    public const string TokenCollision = "token-collision";
}
