using System.Security.Cryptography;
using PciZone.Vault.Contracts;
using PciZone.Vault.Keys;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Service;

/// <summary>
/// The tokenisation domain: turns card numbers into tokens and back, masks, reports token metadata,
/// rotates keys and re-encrypts stored card numbers. Every operation appends to the hash-chained audit log
/// (actor, action, token or key, outcome) before it returns, and no card number reaches the log, an
/// exception message or the store in clear. Roles are the caller's job; every method takes the actor.
/// Safe for concurrent use.
/// </summary>
public sealed partial class TokenVault : IDisposable
{
    /// <summary>Most items in one batch call.</summary>
    public const int MaxBatchSize = 1000;

    // A random token clashes with an existing one with probability at most (tokens / space); ten clashes
    // in a row mean the kept digits leave almost no space, which must surface rather than loop.
    private const int RandomAttempts = 10;

    /// <summary>How long "records are left under an older lookup key" is trusted before the table is asked again.</summary>
    internal static readonly TimeSpan StaleRecheck = TimeSpan.FromSeconds(10);

    private readonly IVaultStore store;
    private readonly KeyRing keys;
    private readonly TimeProvider time;
    private readonly Ff1Ciphers ff1 = new();

    // The newest lookup version below which no record remains: lookups skip older versions from then on.
    private int lookupCleanFrom;

    // The lookup version for which records under older versions were last seen, and when (UTC ticks).
    private int staleSeenFor;
    private long staleSeenAt;

    /// <summary>Creates the vault over a store and the key ring opened on it; neither is owned (not disposed here).</summary>
    public TokenVault(IVaultStore store, KeyRing keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        this.store = store;
        this.keys = keys;
        this.time = time;
    }

    /// <summary>
    /// The token of <paramref name="pan"/> under <paramref name="profileName"/> (null: <c>random</c>): the
    /// existing one, or a new one that is durable in the store when this returns.
    /// </summary>
    /// <exception cref="VaultInputException">The card number or profile is refused (see <see cref="VaultInputException.Code"/>).</exception>
    public async Task<TokenizeResult> TokenizeAsync(string pan, string? profileName, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Request request;
        try
        {
            request = Prepare(TokenProfile.Parse(profileName), pan);
        }
        catch (VaultInputException e)
        {
            await AuditAsync(actor, AuditActions.Tokenize, $"refused: {e.Code}", AuditOutcomes.Invalid, cancellationToken);
            throw;
        }

        var (result, audited) = await TokenizeOneAsync(request, actor, cancellationToken);
        if (!audited)
        {
            await AuditAsync(actor, AuditActions.Tokenize, result.Token, AuditOutcomes.Ok, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// The card number behind a token, or null when the vault has no such token. Tokens made under older
    /// key versions still detokenise. The audit entry is durable before the card number is returned.
    /// </summary>
    public async Task<Pan?> DetokenizeAsync(string token, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(actor);
        var record = await store.FindByTokenAsync(token, cancellationToken);
        if (record is null)
        {
            await AuditAsync(actor, AuditActions.Detokenize, AuditSubject.Unknown(token), AuditOutcomes.NotFound, cancellationToken);
            return null;
        }

        var pan = Reveal(record);
        await AuditAsync(actor, AuditActions.Detokenize, record.Token, AuditOutcomes.Ok, cancellationToken);
        return new Pan(pan);
    }

    /// <summary>The masked card number (default first 6 and last 4, '*'); the card number is validated but not stored.</summary>
    /// <exception cref="VaultInputException">The card number or options are refused.</exception>
    public async Task<string> MaskAsync(string pan, MaskOptions? options, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        options ??= MaskOptions.Default;
        string masked;
        try
        {
            options.Validate();
            masked = Masker.Mask(PanValidator.Normalize(pan, requireLuhn: false), options);
        }
        catch (VaultInputException e)
        {
            await AuditAsync(actor, AuditActions.Mask, $"refused: {e.Code}", AuditOutcomes.Invalid, cancellationToken);
            throw;
        }

        await AuditAsync(actor, AuditActions.Mask, $"length {masked.Length}", AuditOutcomes.Ok, cancellationToken);
        return masked;
    }

    /// <summary>Profile, last 4, creation and key versions of a token (never the card number), or null when unknown.</summary>
    public async Task<TokenMetadata?> MetadataAsync(string token, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(actor);
        var r = await store.FindByTokenAsync(token, cancellationToken);
        await AuditAsync(actor, AuditActions.Metadata, r?.Token ?? AuditSubject.Unknown(token), r is null ? AuditOutcomes.NotFound : AuditOutcomes.Ok, cancellationToken);
        return r is null ? null : new TokenMetadata(r.Token, r.Profile, r.Last4, r.CreatedAt, r.CreatedBy, r.FieldKeyVersion, r.LookupKeyVersion, TokenProfile.ParseStored(r.Profile).Ff1KeyVersion);
    }

    /// <inheritdoc/>
    public void Dispose() => ff1.Dispose();

    private static Request Prepare(TokenProfile profile, string? pan)
    {
        var digits = PanValidator.Normalize(pan ?? string.Empty, profile.RequiresLuhnInput);
        profile.EnsureApplicable(digits.Length);
        return new Request(profile, digits);
    }

    // The token (new or existing) and its audit entry are committed together: one durable write per call.
    // There is no read first: a read would find an existing token sooner, but that call still has to write
    // its audit entry, and for a new card number it is wasted. Audited tells the caller whether the entry
    // was written (it is not when auditNew is false: the batch audits its own items).
    private async Task<(TokenizeResult Result, bool Audited)> TokenizeOneAsync(Request request, string actor, CancellationToken cancellationToken, bool auditNew = true)
    {
        var lookupKey = keys.Current(KeyPurpose.Lookup);
        var lookup = PanProtection.Lookup(lookupKey, request.Pan, request.Profile.Name);
        var older = await FindUnderOlderLookupKeysAsync(request.Profile, request.Pan, lookupKey.Version, cancellationToken);
        if (older is not null)
        {
            return (new TokenizeResult(older.Token, Created: false), false);
        }

        for (var attempt = 0; ; attempt++)
        {
            var record = NewRecord(request, lookup, lookupKey.Version, actor);
            TokenizeResult? outcome = null;
            await store.InsertOrGetAsync(record, stored =>
            {
                outcome = Resolve(request, record, stored);
                return outcome is null || !auditNew ? null : new AuditDraft(time.GetUtcNow(), actor, AuditActions.Tokenize, outcome.Token, AuditOutcomes.Ok);
            }, cancellationToken);
            if (outcome is not null)
            {
                return (outcome, auditNew);
            }

            if (request.Profile.Kind == TokenKind.Ff1 || attempt + 1 == RandomAttempts)
            {
                throw new VaultInputException(VaultErrorCodes.TokenCollision, "The token for this card number is held by another card number; use a profile that keeps fewer digits.");
            }
        }
    }

    /// <summary>The result when <paramref name="stored"/> is ours or the same card number's; null when another card number holds the token.</summary>
    private TokenizeResult? Resolve(Request request, TokenRecord mine, TokenRecord stored)
    {
        if (ReferenceEquals(mine, stored) || (stored.Token == mine.Token && stored.EncryptedPan.AsSpan().SequenceEqual(mine.EncryptedPan)))
        {
            return new TokenizeResult(stored.Token, Created: true);
        }

        if (stored.LookupKeyVersion == mine.LookupKeyVersion && CryptographicOperations.FixedTimeEquals(stored.Lookup, mine.Lookup))
        {
            return new TokenizeResult(stored.Token, Created: false);
        }

        // Same token, other lookup: either this card number under an older lookup key, or a clash.
        var olderKey = keys.Get(KeyPurpose.Lookup, stored.LookupKeyVersion);
        return CryptographicOperations.FixedTimeEquals(stored.Lookup, PanProtection.Lookup(olderKey, request.Pan, request.Profile.Name))
            ? new TokenizeResult(stored.Token, Created: false)
            : null;
    }

    private TokenRecord NewRecord(Request request, byte[] lookup, int lookupVersion, string actor)
    {
        string token, storedProfile;
        if (request.Profile.Kind == TokenKind.Ff1)
        {
            var ff1Key = keys.Current(KeyPurpose.Ff1);
            token = ff1.Make(ff1Key, request.Pan, request.Profile);
            storedProfile = request.Profile.StoredName(ff1Key.Version);
        }
        else
        {
            token = RandomTokens.Make(request.Pan, request.Profile);
            storedProfile = request.Profile.StoredName(null);
        }

        var fieldKey = keys.Current(KeyPurpose.FieldEncryption);
        var encrypted = PanProtection.EncryptPan(fieldKey, request.Pan, token);
        return new TokenRecord(token, lookup, lookupVersion, encrypted, fieldKey.Version, storedProfile, request.Pan[^4..], time.GetUtcNow(), actor);
    }

    private string Reveal(TokenRecord record)
    {
        Span<char> pan = stackalloc char[PanProtection.MaxPanLength];
        var length = PanProtection.DecryptPan(keys.Get(KeyPurpose.FieldEncryption, record.FieldKeyVersion), record.EncryptedPan, record.Token, pan);
        var text = new string(pan[..length]);
        pan.Clear();
        return text;
    }

    private Task AuditAsync(string actor, string action, string subject, string outcome, CancellationToken cancellationToken) =>
        store.AppendAuditAsync([new AuditDraft(time.GetUtcNow(), actor, action, subject, outcome)], cancellationToken);

    private readonly record struct Request(TokenProfile Profile, string Pan);
}
