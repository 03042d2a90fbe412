namespace PciZone.Vault.Tokens;

internal enum TokenKind
{
    Random,
    Ff1,
}

internal enum KeptDigits
{
    None,
    Last4,
    First6Last4,
}

internal enum LuhnRule
{
    /// <summary>The token passes the Luhn check, as a card number would.</summary>
    Valid,

    /// <summary>The token fails the Luhn check, so it can never be mistaken for (or equal) a card number.</summary>
    Invalid,

    /// <summary>The check digit is whatever comes out; the card number itself is not Luhn-checked (private-label cards).</summary>
    Any,
}

/// <summary>
/// A token profile: kind, kept digits and Luhn rule, named <c>{kind}-{keep}-{luhn}</c>, e.g.
/// <c>random-keep-last4-luhn-invalid</c>. The canonical name is what the lookup HMAC covers, so aliases
/// (<c>random</c>, <c>ff1</c>) and canonical names of one profile find the same token.
/// </summary>
internal sealed record TokenProfile(TokenKind Kind, KeptDigits Keep, LuhnRule Luhn)
{
    /// <summary>Fewest digits a random token must draw: with first 6 and last 4 kept a 16-digit PAN leaves exactly 6.</summary>
    public const int MinRandomDigits = 6;

    /// <summary>FF1 over radix 10 needs a domain of at least 10^6 (SP 800-38G), i.e. 6 enciphered digits.</summary>
    public const int MinFf1Digits = 6;

    public static TokenProfile Default { get; } = new(TokenKind.Random, KeptDigits.Last4, LuhnRule.Invalid);

    public string Name => $"{KindName}-{KeepName}-{LuhnName}";

    /// <summary>Every profile but <c>luhn-any</c> requires a Luhn-valid card number; FF1 needs it to stay one-to-one.</summary>
    public bool RequiresLuhnInput => Luhn != LuhnRule.Any;

    public int KeepFirst => Keep == KeptDigits.First6Last4 ? 6 : 0;

    public int KeepLast => Keep == KeptDigits.None ? 0 : 4;

    private string KindName => Kind == TokenKind.Random ? "random" : "ff1";

    private string KeepName => Keep switch
    {
        KeptDigits.None => "keep-none",
        KeptDigits.Last4 => "keep-last4",
        _ => "keep-first6-last4",
    };

    private string LuhnName => Luhn switch
    {
        LuhnRule.Valid => "luhn-valid",
        LuhnRule.Invalid => "luhn-invalid",
        _ => "luhn-any",
    };

    /// <summary>Parses a profile name (canonical or alias, case-sensitive); null or empty means the default.</summary>
    public static TokenProfile Parse(string? name)
    {
        if (string.IsNullOrEmpty(name) || name == "random")
        {
            return Default;
        }

        if (name == "ff1")
        {
            return new TokenProfile(TokenKind.Ff1, KeptDigits.Last4, LuhnRule.Invalid);
        }

        var profile = TryParseCanonical(name);
        if (profile is null || (profile.Kind == TokenKind.Ff1 && profile.Luhn != LuhnRule.Invalid))
        {
            // FF1 tokens are always Luhn-invalid: a bijection cannot choose its check digit freely (see docs/vault.md).
            throw new InvalidProfileException(VaultErrorCodes.UnknownProfile, "Unknown token profile. Use random, ff1 or {random|ff1}-{keep-none|keep-last4|keep-first6-last4}-{luhn-valid|luhn-invalid|luhn-any} (ff1: luhn-invalid only).");
        }

        return profile;
    }

    /// <summary>Parses the profile stored in a record, which for FF1 carries the key version (<c>.../v2</c>).</summary>
    public static (TokenProfile Profile, int? Ff1KeyVersion) ParseStored(string stored)
    {
        var slash = stored.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return (Parse(stored), null);
        }

        var version = int.Parse(stored.AsSpan(slash + 2), System.Globalization.CultureInfo.InvariantCulture);
        return (Parse(stored[..slash]), version);
    }

    /// <summary>The profile text stored in a record: the canonical name, plus the FF1 key version for FF1.</summary>
    public string StoredName(int? ff1KeyVersion) => ff1KeyVersion is { } v ? $"{Name}/v{v}" : Name;

    /// <summary>Number of token digits not copied from the card number.</summary>
    public int FreeDigits(int panLength) => panLength - KeepFirst - KeepLast;

    /// <summary>Refuses a card number whose length would leave too small a token space.</summary>
    public void EnsureApplicable(int panLength)
    {
        var free = FreeDigits(panLength);

        // FF1 enciphers all free digits but one, which carries the Luhn adjustment.
        var needed = Kind == TokenKind.Ff1 ? MinFf1Digits + 1 : MinRandomDigits;
        if (free < needed)
        {
            throw new InvalidProfileException(
                VaultErrorCodes.ProfileNotApplicable,
                $"Profile {Name} leaves {free} token digits for a {panLength}-digit card number; it needs at least {needed}. Keep fewer digits.");
        }
    }

    private static TokenProfile? TryParseCanonical(string name)
    {
        TokenKind kind;
        string rest;
        if (name.StartsWith("random-", StringComparison.Ordinal))
        {
            (kind, rest) = (TokenKind.Random, name["random-".Length..]);
        }
        else if (name.StartsWith("ff1-", StringComparison.Ordinal))
        {
            (kind, rest) = (TokenKind.Ff1, name["ff1-".Length..]);
        }
        else
        {
            return null;
        }

        KeptDigits? keep = rest.StartsWith("keep-none-", StringComparison.Ordinal) ? KeptDigits.None
            : rest.StartsWith("keep-last4-", StringComparison.Ordinal) ? KeptDigits.Last4
            : rest.StartsWith("keep-first6-last4-", StringComparison.Ordinal) ? KeptDigits.First6Last4
            : null;
        if (keep is null)
        {
            return null;
        }

        LuhnRule? luhn = rest[(rest.IndexOf("-luhn-", StringComparison.Ordinal) + 1)..] switch
        {
            "luhn-valid" => LuhnRule.Valid,
            "luhn-invalid" => LuhnRule.Invalid,
            "luhn-any" => LuhnRule.Any,
            _ => null,
        };
        var profile = luhn is null ? null : new TokenProfile(kind, keep.Value, luhn.Value);

        // Round-trip check: refuses names with extra or repeated parts.
        return profile is not null && profile.Name == name ? profile : null;
    }
}
