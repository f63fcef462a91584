using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OutlookCommit.Api.Identity;

/// <summary>
/// Local mode: every loopback request is the one local user. A request from elsewhere is not authenticated
/// (the server also refuses to listen beyond loopback in this mode).
/// </summary>
public sealed class LocalUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Local";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var remote = Context.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote))
            return Task.FromResult(AuthenticateResult.Fail("Local mode serves loopback callers only."));

        var identity = new ClaimsIdentity(
            [
                new Claim("tid", UserKey.Local.TenantId),
                new Claim("oid", UserKey.Local.ObjectId),
                new Claim("name", "Local user"),
            ],
            SchemeName, "name", "roles");
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
