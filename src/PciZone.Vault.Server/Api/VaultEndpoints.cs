using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PciZone.Vault.Contracts;
using PciZone.Vault.Server.Hosting;
using PciZone.Vault.Service;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Server.Api;

/// <summary>The REST endpoints. Bodies never reach a log; errors are problem details with a code, never the input.</summary>
internal static class VaultEndpoints
{
    public static void Map(WebApplication app)
    {
        var v1 = app.MapGroup("/v1");
        v1.MapPost("/tokenize", Tokenize).RequireAuthorization(VaultApp.CanTokenize);
        v1.MapPost("/tokenize/batch", TokenizeBatch).RequireAuthorization(VaultApp.CanTokenize);
        v1.MapPost("/detokenize", Detokenize).RequireAuthorization(VaultApp.CanDetokenize);
        v1.MapPost("/detokenize/batch", DetokenizeBatch).RequireAuthorization(VaultApp.CanDetokenize);
        v1.MapPost("/mask", Mask).RequireAuthorization(VaultApp.CanTokenize);
        v1.MapGet("/tokens/{token}", Metadata).RequireAuthorization(VaultApp.CanTokenize);
        v1.MapPost("/keys/rotate", Rotate).RequireAuthorization(VaultApp.CanAdminister);
        v1.MapPost("/keys/reencrypt", Reencrypt).RequireAuthorization(VaultApp.CanAdminister);
        app.MapGet("/health/live", () => Results.Ok(new HealthResponse("live"))).AllowAnonymous();
        app.MapGet("/health/ready", Ready).AllowAnonymous();
    }

    private static async Task<IResult> Tokenize(TokenizeRequest? body, TokenVault vault, HttpContext ctx, CancellationToken ct)
    {
        if (body?.Pan is null)
        {
            return Invalid("missing-pan", "the body needs a 'pan'");
        }

        try
        {
            var r = await vault.TokenizeAsync(body.Pan, body.Profile, VaultApp.Actor(ctx.User), ct).ConfigureAwait(false);
            VaultMetrics.Tokenized.Add(1);
            return Results.Ok(new TokenizeResponse(r.Token, r.Created));
        }
        catch (VaultInputException ex)
        {
            return Invalid(ex.Code, ex.Message);
        }
    }

    private static async Task<IResult> TokenizeBatch(BatchTokenizeRequest? body, TokenVault vault, VaultServerOptions options, HttpContext ctx, CancellationToken ct)
    {
        if (Batch(body?.Pans, options) is { } bad)
        {
            return bad;
        }

        try
        {
            var results = await vault.TokenizeManyAsync([.. body!.Pans!.Select(p => p ?? "")], body.Profile, VaultApp.Actor(ctx.User), ct).ConfigureAwait(false);
            VaultMetrics.Tokenized.Add(results.Count(r => r.Error is null));
            return Results.Ok(new BatchResponse([.. results.Select(r => new BatchResult(r.Index, r.Value?.Token, r.Value?.Created, null, r.Error))]));
        }
        catch (VaultInputException ex)
        {
            return Invalid(ex.Code, ex.Message);
        }
    }

    private static async Task<IResult> Detokenize(DetokenizeRequest? body, TokenVault vault, HttpContext ctx, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body?.Token))
        {
            return Invalid("missing-token", "the body needs a 'token'");
        }

        var pan = await vault.DetokenizeAsync(body.Token, VaultApp.Actor(ctx.User), ct).ConfigureAwait(false);
        if (pan is null)
        {
            return Results.Problem(statusCode: 404, title: "unknown token");
        }

        VaultMetrics.Detokenized.Add(1);
        return Results.Ok(new DetokenizeResponse(pan.Reveal()));
    }

    private static async Task<IResult> DetokenizeBatch(BatchDetokenizeRequest? body, TokenVault vault, VaultServerOptions options, HttpContext ctx, CancellationToken ct)
    {
        if (Batch(body?.Tokens, options) is { } bad)
        {
            return bad;
        }

        var results = await vault.DetokenizeManyAsync([.. body!.Tokens!.Select(t => t ?? "")], VaultApp.Actor(ctx.User), ct).ConfigureAwait(false);
        VaultMetrics.Detokenized.Add(results.Count(r => r.Error is null));
        return Results.Ok(new BatchResponse([.. results.Select(r => new BatchResult(r.Index, null, null, r.Value?.Reveal(), r.Error))]));
    }

    private static async Task<IResult> Mask(MaskRequest? body, TokenVault vault, HttpContext ctx, CancellationToken ct)
    {
        if (body?.Pan is null)
        {
            return Invalid("missing-pan", "the body needs a 'pan'");
        }

        try
        {
            var options = new MaskOptions(body.KeepFirst ?? 6, body.KeepLast ?? 4);
            return Results.Ok(new MaskResponse(await vault.MaskAsync(body.Pan, options, VaultApp.Actor(ctx.User), ct).ConfigureAwait(false)));
        }
        catch (VaultInputException ex)
        {
            return Invalid(ex.Code, ex.Message);
        }
    }

    private static async Task<IResult> Metadata(string token, TokenVault vault, HttpContext ctx, CancellationToken ct) =>
        await vault.MetadataAsync(token, VaultApp.Actor(ctx.User), ct).ConfigureAwait(false) is { } m
            ? Results.Ok(m)
            : Results.Problem(statusCode: 404, title: "unknown token");

    private static async Task<IResult> Rotate(RotateRequest? body, TokenVault vault, HttpContext ctx, CancellationToken ct)
    {
        KeyPurpose[] purposes = [];
        if (body?.Purpose is { } text)
        {
            if (!Enum.TryParse<KeyPurpose>(text, ignoreCase: true, out var purpose) || !Enum.IsDefined(purpose))
            {
                return Invalid("bad-purpose", $"'purpose' must be one of {string.Join(", ", Enum.GetNames<KeyPurpose>())}");
            }

            purposes = [purpose];
        }

        return Results.Ok(new RotateResponse(await vault.RotateKeysAsync(purposes, VaultApp.Actor(ctx.User), ct).ConfigureAwait(false)));
    }

    private static async Task<IResult> Reencrypt(ReencryptRequest? body, TokenVault vault, HttpContext ctx, CancellationToken ct)
    {
        var size = body?.BatchSize ?? 1_000;
        return size is < 1 or > TokenVault.MaxReencryptBatchSize
            ? Invalid("batch-size", $"'batchSize' must be from 1 to {TokenVault.MaxReencryptBatchSize}")
            : Results.Ok(await vault.ReencryptAsync(size, VaultApp.Actor(ctx.User), ct).ConfigureAwait(false));
    }

    private static async Task<IResult> Ready(IVaultStore store, CancellationToken ct)
    {
        try
        {
            await store.ReadAuditAsync(1, 1, ct).ConfigureAwait(false);
            return Results.Ok(new HealthResponse("ready"));
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            return Results.Problem(statusCode: 503, title: "store unavailable");
        }
    }

    private static IResult? Batch<T>(IReadOnlyList<T>? items, VaultServerOptions options) =>
        items is not { Count: > 0 } ? Invalid("empty-batch", "the body needs a non-empty list")
        : items.Count > options.MaxBatchItems ? Invalid("batch-size", $"a batch holds at most {options.MaxBatchItems} items")
        : null;

    private static IResult Invalid(string code, string message) =>
        Results.Problem(statusCode: 400, title: "invalid request", detail: message, extensions: new Dictionary<string, object?> { ["code"] = code });
}
