using System.Security.Authentication;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using PciZone.Vault.Contracts;
using PciZone.Vault.Service;
using PciZone.Vault.Server.Auth;

namespace PciZone.Vault.Server.Hosting;

/// <summary>Builds the vault's web application: Kestrel, authentication, roles, rate limits, endpoints.</summary>
public static class VaultApp
{
    /// <summary>Policy names; each lists the roles it admits.</summary>
    internal const string CanTokenize = "tokenize";
    internal const string CanDetokenize = "detokenize";
    internal const string CanAdminister = "admin";

    /// <summary>Creates the application over a vault and its store; <paramref name="configureLogging"/> lets hosts and tests add log providers.</summary>
    public static WebApplication Build(VaultServerOptions options, TokenVault vault, IVaultStore store, Action<ILoggingBuilder>? configureLogging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(store);
        // The vault reads no appsettings files: its settings come from VaultServerOptions. Left at the
        // defaults, the host would make the current directory its content root and watch it, recursively,
        // for appsettings changes; started from a home or /tmp that is a crawl of thousands of folders and
        // inotify watches competing with requests for CPU.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls([.. options.Urls]);
        if (options.TlsCertificatePath is not null)
        {
            // The slim builder leaves HTTPS out unless asked; an https:// URL would fail to bind without it.
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            if (options.TlsCertificatePath is { } cert)
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(cert, options.TlsCertificatePassword);
                k.ConfigureHttpsDefaults(h =>
                {
                    h.ServerCertificate = certificate;
                    h.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                });
            }
        });
        builder.Services.AddSingleton(vault);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1");
        AddAuthentication(builder.Services, options);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CanTokenize, p => p.RequireRole(VaultRoles.TokenizeOnly, VaultRoles.Detokenize, VaultRoles.Admin))
            .AddPolicy(CanDetokenize, p => p.RequireRole(VaultRoles.Detokenize, VaultRoles.Admin))
            .AddPolicy(CanAdminister, p => p.RequireRole(VaultRoles.Admin));
        builder.Services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                RateLimitPartition.GetTokenBucketLimiter(ctx.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RateBurst,
                    TokensPerPeriod = options.RatePerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        VaultMetrics.Add(builder.Services);
        builder.Services.ConfigureHttpJsonOptions(j => j.SerializerOptions.TypeInfoResolverChain.Insert(0, Api.VaultJsonContext.Default));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        Api.VaultEndpoints.Map(app);
        return app;
    }

    private static void AddAuthentication(IServiceCollection services, VaultServerOptions options)
    {
        var auth = services.AddAuthentication(a =>
        {
            a.DefaultScheme = "vault";
            a.DefaultChallengeScheme = "vault";
        });
        auth.AddPolicyScheme("vault", "API key or JWT", p => p.ForwardDefaultSelector = ctx =>
            ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal) && options.Jwt is not null
                ? JwtBearerDefaults.AuthenticationScheme
                : ApiKeyHandler.SchemeName);
        auth.AddScheme<ApiKeyOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, o =>
        {
            foreach (var c in options.ApiClients)
            {
                o.ByHash[c.KeySha256.ToLowerInvariant()] = c;
            }
        });
        if (options.Jwt is { } jwt)
        {
            auth.AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(jwt.SigningKeyBase64)),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RoleClaimType = "roles",
                    NameClaimType = "sub",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents
                {
                    // The rate limiter partitions by NameIdentifier: give JWT clients one from "sub".
                    OnTokenValidated = ctx =>
                    {
                        if (ctx.Principal?.FindFirst("sub") is { } sub && ctx.Principal.Identity is ClaimsIdentity id)
                        {
                            id.AddClaim(new Claim(ClaimTypes.NameIdentifier, sub.Value));
                            foreach (var role in ctx.Principal.FindAll("roles").ToList())
                            {
                                id.AddClaim(new Claim(ClaimTypes.Role, role.Value));
                            }
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        }
    }

    internal static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
}
