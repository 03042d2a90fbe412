using PciZone.Vault.Contracts;
using PciZone.Vault.Keys;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Service;

/// <remarks>
/// Batches write one audit entry per item (the token, or the index and reason of a refused item), appended
/// in one call before the answer returns: the log then says exactly which tokens were made or revealed,
/// which a single "batch of N" entry could not.
/// </remarks>
public sealed partial class TokenVault
{
    /// <summary>
    /// Tokenises up to <see cref="MaxBatchSize"/> card numbers under one profile, storing the new tokens in one
    /// store transaction. A refused card number is reported at its index and does not fail the others.
    /// </summary>
    /// <exception cref="VaultInputException">No items, more than <see cref="MaxBatchSize"/>, or an unknown profile.</exception>
    public async Task<IReadOnlyList<BatchItem<TokenizeResult>>> TokenizeManyAsync(IReadOnlyList<string> pans, string? profileName, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pans);
        ArgumentNullException.ThrowIfNull(actor);
        TokenProfile profile;
        try
        {
            EnsureBatchSize(pans.Count);
            profile = TokenProfile.Parse(profileName);
        }
        catch (VaultInputException e)
        {
            await AuditAsync(actor, AuditActions.Tokenize, $"batch of {pans.Count} refused: {e.Code}", AuditOutcomes.Invalid, cancellationToken);
            throw;
        }

        var results = new BatchItem<TokenizeResult>[pans.Count];
        var lookupKey = keys.Current(KeyPurpose.Lookup);
        var pending = new List<(int Index, Request Request, TokenRecord Record)>();
        for (var i = 0; i < pans.Count; i++)
        {
            try
            {
                var request = Prepare(profile, pans[i]);
                var older = await FindUnderOlderLookupKeysAsync(profile, request.Pan, lookupKey.Version, cancellationToken);
                if (older is not null)
                {
                    results[i] = new(i, new TokenizeResult(older.Token, Created: false), null);
                    continue;
                }

                var lookup = PanProtection.Lookup(lookupKey, request.Pan, profile.Name);
                pending.Add((i, request, NewRecord(request, lookup, lookupKey.Version, actor)));
            }
            catch (VaultInputException e)
            {
                results[i] = new(i, null, e.Code);
            }
        }

        var audited = false;
        if (pending.Count > 0)
        {
            // The common case commits the new tokens and every item's audit entry together; a clash with
            // another card number's token (rare) needs a retry first, so that batch is audited afterwards.
            await store.InsertOrGetManyAsync([.. pending.Select(p => p.Record)], stored =>
            {
                for (var k = 0; k < pending.Count; k++)
                {
                    var (index, request, record) = pending[k];
                    results[index] = new(index, Resolve(request, record, stored[k]), null);
                }

                audited = pending.TrueForAll(p => results[p.Index].Value is not null);
                return audited ? Drafts(actor, results) : null;
            }, cancellationToken);
            foreach (var (index, request, _) in pending.Where(p => results[p.Index].Value is null))
            {
                // A random token clashed with another card number's token: draw again on the single path.
                results[index] = await RetryOneAsync(index, request, actor, cancellationToken);
            }
        }

        if (!audited)
        {
            await store.AppendAuditAsync(Drafts(actor, results), cancellationToken);
        }

        return results;
    }

    /// <summary>
    /// Detokenises up to <see cref="MaxBatchSize"/> tokens; an unknown token is reported at its index
    /// (<c>not-found</c>). The audit entries, one per token, are durable before any card number is returned.
    /// </summary>
    /// <exception cref="VaultInputException">No items or more than <see cref="MaxBatchSize"/>.</exception>
    public async Task<IReadOnlyList<BatchItem<Pan>>> DetokenizeManyAsync(IReadOnlyList<string> tokens, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            EnsureBatchSize(tokens.Count);
        }
        catch (VaultInputException e)
        {
            await AuditAsync(actor, AuditActions.Detokenize, $"batch of {tokens.Count} refused: {e.Code}", AuditOutcomes.Invalid, cancellationToken);
            throw;
        }

        var results = new BatchItem<Pan>[tokens.Count];
        var drafts = new AuditDraft[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i] ?? string.Empty;
            var record = await store.FindByTokenAsync(token, cancellationToken);
            results[i] = record is null ? new(i, null, VaultErrorCodes.NotFound) : new(i, new Pan(Reveal(record)), null);
            drafts[i] = record is null
                ? new AuditDraft(time.GetUtcNow(), actor, AuditActions.Detokenize, AuditSubject.Unknown(token), AuditOutcomes.NotFound)
                : new AuditDraft(time.GetUtcNow(), actor, AuditActions.Detokenize, record.Token, AuditOutcomes.Ok);
        }

        await store.AppendAuditAsync(drafts, cancellationToken);
        return results;
    }

    private static void EnsureBatchSize(int count)
    {
        if (count is < 1 or > MaxBatchSize)
        {
            throw new VaultInputException(VaultErrorCodes.BatchSize, $"A batch holds 1 to {MaxBatchSize} items.");
        }
    }

    private async Task<BatchItem<TokenizeResult>> RetryOneAsync(int index, Request request, string actor, CancellationToken cancellationToken)
    {
        if (request.Profile.Kind == TokenKind.Ff1)
        {
            return new(index, null, VaultErrorCodes.TokenCollision);
        }

        try
        {
            // The batch audits every item itself, after the loop.
            return new(index, (await TokenizeOneAsync(request, actor, cancellationToken, auditNew: false)).Result, null);
        }
        catch (VaultInputException e)
        {
            return new(index, null, e.Code);
        }
    }

    private AuditDraft[] Drafts(string actor, BatchItem<TokenizeResult>[] results) =>
        [.. results.Select(r => Draft(actor, AuditActions.Tokenize, r.Value?.Token, r))];

    private AuditDraft Draft<T>(string actor, string action, string? token, BatchItem<T> item)
        where T : class =>
        token is not null
            ? new AuditDraft(time.GetUtcNow(), actor, action, token, AuditOutcomes.Ok)
            : new AuditDraft(time.GetUtcNow(), actor, action, $"item {item.Index} refused: {item.Error}", AuditOutcomes.Invalid);
}
