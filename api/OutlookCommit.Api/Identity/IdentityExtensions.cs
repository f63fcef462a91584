using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using Microsoft.IdentityModel.Validators;

namespace OutlookCommit.Api.Identity;

/// <summary>Which mode the API runs in, decided once from configuration.</summary>
public sealed record IdentityMode(bool IsProduction)
{
    public const string EnablingSettings =
        "AzureAd:ClientId, AzureAd:TenantId (a tenant id or \"common\") and AzureAd:ClientSecret";
}

public static class IdentityExtensions
{
    public static WebApplicationBuilder AddIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var azureAd = builder.Configuration.GetSection(AzureAdOptions.Section).Get<AzureAdOptions>() ?? new AzureAdOptions();
        services.AddOptions<AzureAdOptions>().BindConfiguration(AzureAdOptions.Section).ValidateOnStart()
            .Validate(o => !o.IsConfigured || Uri.IsWellFormedUriString(o.Instance, UriKind.Absolute), "AzureAd:Instance must be an absolute URL.");
        services.AddSingleton(new IdentityMode(azureAd.IsConfigured));

        if (azureAd.IsConfigured)
            AddProduction(services, azureAd);
        else
            AddLocal(builder);
        return builder;
    }

    private static void AddProduction(IServiceCollection services, AzureAdOptions azureAd)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.Authority = azureAd.Authority;
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuers = [azureAd.IssuerTemplate],
                    IssuerValidator = AadIssuerValidator.GetAadIssuerValidator(azureAd.Authority).Validate,
                    ValidateAudience = true,
                    AudienceValidator = (audiences, _, _) => audiences.Any(azureAd.IsValidAudience),
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromMinutes(2),
                    NameClaimType = "name",
                    RoleClaimType = "roles",
                };
                o.TokenValidationParameters.EnableAadSigningKeyIssuerValidation();
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = ctx =>
                    {
                        var tid = ctx.Principal?.FindFirst("tid")?.Value;
                        var oid = ctx.Principal?.FindFirst("oid")?.Value;
                        if (string.IsNullOrEmpty(tid) || string.IsNullOrEmpty(oid))
                            ctx.Fail("The token has no tid or oid claim.");
                        else if (!azureAd.IsMultiTenant && !string.Equals(tid, azureAd.TenantId, StringComparison.OrdinalIgnoreCase))
                            ctx.Fail("The token is from another tenant.");
                        else if (azureAd.AllowedTenants.Length > 0 && !azureAd.AllowedTenants.Contains(tid, StringComparer.OrdinalIgnoreCase))
                            ctx.Fail("The token's tenant is not allowed to use this API.");
                        return Task.CompletedTask;
                    },
                    OnChallenge = async ctx =>
                    {
                        ctx.HandleResponse();
                        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        ctx.Response.Headers.WWWAuthenticate = "Bearer";
                        await WriteProblem(ctx.HttpContext, StatusCodes.Status401Unauthorized, "Sign-in required",
                            DescribeFailure(ctx.AuthenticateFailure));
                    },
                    OnForbidden = ctx => WriteProblem(ctx.HttpContext, StatusCodes.Status403Forbidden, "Not allowed",
                        $"The access token lacks the scope '{AzureAdOptions.RequiredScope}' of this API."),
                };
            });

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(ctx => HasScope(ctx.User, AzureAdOptions.RequiredScope))
                .Build());
    }

    private static void AddLocal(WebApplicationBuilder builder)
    {
        // Registered before the storage and the engine: its StartingAsync refuses a non-loopback address before the
        // server binds and before the migration or the warm-up begin (see LoopbackGuard).
        builder.Services.AddHostedService<LoopbackGuard>();
        builder.Services.AddAuthentication(LocalUserHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, LocalUserHandler>(LocalUserHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(LocalUserHandler.SchemeName).RequireAuthenticatedUser().Build());
    }

    public static bool HasScope(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.FindAll("scp").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(scope, StringComparer.Ordinal);

    private static string DescribeFailure(Exception? failure) => failure switch
    {
        null => "Send an Entra ID access token for this API in the Authorization header (Bearer).",
        SecurityTokenExpiredException => "The access token has expired; get a new one and retry.",
        SecurityTokenInvalidAudienceException => "The access token was issued for another application.",
        SecurityTokenInvalidIssuerException => "The access token's issuer does not match its tenant.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The access token's signature is not valid.",
        _ => "The access token was rejected: " + failure.GetType().Name.Replace("SecurityToken", "").Replace("Exception", "") + ".",
    };

    private static Task WriteProblem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
