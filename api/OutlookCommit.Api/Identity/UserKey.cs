using System.Security.Claims;

namespace OutlookCommit.Api.Identity;

/// <summary>Who owns a row: the Entra tenant (tid) and the user's object id (oid). Local mode has one user.</summary>
public sealed record UserKey(string TenantId, string ObjectId)
{
    public static readonly UserKey Local = new("local", "local-user");

    public static UserKey From(ClaimsPrincipal user) =>
        user.FindFirstValue("tid") is { Length: > 0 } tid && user.FindFirstValue("oid") is { Length: > 0 } oid
            ? new UserKey(tid, oid)
            : throw new InvalidOperationException("The authenticated user has no tid/oid claims.");
}
