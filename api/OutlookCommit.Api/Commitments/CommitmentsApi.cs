using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Graph;
using OutlookCommit.Api.Hosting;
using OutlookCommit.Api.Identity;

namespace OutlookCommit.Api.Commitments;

/// <summary>/api/commitments: the ledger of next steps the rep agreed in sent follow-ups.</summary>
public static class CommitmentsApi
{
    private const int MaxList = 500;

    public static IServiceCollection AddCommitments(this IServiceCollection services)
    {
        services.AddSingleton<CommitmentStore>();
        return services;
    }

    public static RouteGroupBuilder MapCommitments(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/commitments", "Commitments");

        group.MapPost("/", Create).WithName("CreateCommitment").WithSummary("Record a commitment of a sent draft");
        group.MapGet("/", List).WithName("ListCommitments").WithSummary("My commitments, optionally by status (open, overdue, done)");
        group.MapGet("/stalled", Stalled).WithName("StalledCommitments")
            .WithSummary("Open commitments past due with no customer reply since the follow-up was sent");
        group.MapGet("/{id:guid}", Get).WithName("GetCommitment");
        group.MapPatch("/{id:guid}", Update).WithName("UpdateCommitment").WithSummary("Mark done, reopen, or move the due date");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteCommitment").WithSummary("Remove one of my commitments");
        group.MapDelete("/", DeleteAll).WithName("DeleteAllCommitments")
            .WithSummary("Erase all my commitments (confirm=all); other users' data is untouched");
        return group;
    }

    /// <summary>
    /// Records a commitment. Sending the same one again (same sourceMessageId and what, e.g. a retry after a
    /// timeout) returns the recorded one with 200 instead of a duplicate.
    /// </summary>
    public static async Task<Results<Created<CommitmentView>, Ok<CommitmentView>, ValidationProblem>> Create(
        CreateCommitmentRequest request, ClaimsPrincipal user, CommitmentStore store, IOptions<LimitsOptions> limits,
        TimeProvider time, CancellationToken ct)
    {
        var errors = Validate(request, limits.Value);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The commitment cannot be recorded");

        var now = time.GetUtcNow();
        var owner = UserKey.From(user);
        if (request.SourceMessageId is { } source && await store.FindAsync(owner, source, request.What!.Trim(), ct) is { } existing)
            return TypedResults.Ok(CommitmentView.From(existing, now));

        var commitment = new Commitment(
            Guid.NewGuid(), request.What!.Trim(), request.Who?.OfType<EmailAddress>().ToArray() ?? [], request.Due,
            request.NextStep, request.Subject?.Trim(), request.SourceMessageId, request.ConversationId, request.SentAt ?? now,
            CommitmentStatus.Open, now, now, null);
        await store.InsertAsync(owner, commitment, ct);
        return TypedResults.Created($"/api/commitments/{commitment.Id}", CommitmentView.From(commitment, now));
    }

    public static async Task<Results<Ok<CommitmentList>, ValidationProblem>> List(
        ClaimsPrincipal user, CommitmentStore store, TimeProvider time, CancellationToken ct,
        [FromQuery] string? status = null, [FromQuery] int? take = null)
    {
        var now = time.GetUtcNow();
        (CommitmentStatus? Status, DateTimeOffset? DueBefore)? filter = status?.ToLowerInvariant() switch
        {
            null or "" or "all" => (null, null),
            "open" => (CommitmentStatus.Open, null),
            "overdue" => (CommitmentStatus.Open, now),
            "done" => (CommitmentStatus.Done, null),
            _ => null,
        };
        if (filter is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Use open, overdue, done or all."] });
        if (take is < 1 or > MaxList)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"Between 1 and {MaxList}."] });

        var items = await store.ListAsync(UserKey.From(user), filter.Value.Status, filter.Value.DueBefore, take ?? MaxList, ct);
        return TypedResults.Ok(new CommitmentList(items.Select(c => CommitmentView.From(c, now)).ToArray()));
    }

    public static async Task<Results<Ok<CommitmentView>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, CommitmentStore store, TimeProvider time, CancellationToken ct)
    {
        var commitment = await store.GetAsync(UserKey.From(user), id, ct);
        return commitment is null ? NotFound(id) : TypedResults.Ok(CommitmentView.From(commitment, time.GetUtcNow()));
    }

    public static async Task<Results<Ok<CommitmentView>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, UpdateCommitmentRequest request, ClaimsPrincipal user, CommitmentStore store, TimeProvider time, CancellationToken ct)
    {
        var done = request.Done ?? request.Status?.ToLowerInvariant() switch { "done" => true, "open" => false, _ => (bool?)null };
        if (request.Status is not null && request.Status.ToLowerInvariant() is not ("done" or "open"))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Use \"done\" or \"open\"."] });
        if (done is null && request.Due is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["done"] = ["Send done (true/false) and/or a new due date."] });

        var owner = UserKey.From(user);
        var current = await store.GetAsync(owner, id, ct);
        if (current is null)
            return NotFound(id);

        var now = time.GetUtcNow();
        var updated = current with
        {
            Due = request.Due ?? current.Due,
            Status = done switch { true => CommitmentStatus.Done, false => CommitmentStatus.Open, null => current.Status },
            DoneAt = done switch { true => current.DoneAt ?? now, false => null, null => current.DoneAt },
            UpdatedAt = now,
        };
        return await store.UpdateAsync(owner, updated, ct) ? TypedResults.Ok(CommitmentView.From(updated, now)) : NotFound(id);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, ClaimsPrincipal user, CommitmentStore store, CancellationToken ct) =>
        await store.DeleteAsync(UserKey.From(user), id, ct) ? TypedResults.NoContent() : NotFound(id);

    /// <summary>Erasing a whole ledger is not undoable, so the request must say so: <c>?confirm=all</c>.</summary>
    public static async Task<Results<Ok<ErasedCommitments>, ValidationProblem>> DeleteAll(
        ClaimsPrincipal user, CommitmentStore store, CancellationToken ct, [FromQuery] string? confirm = null)
    {
        if (confirm != "all")
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["confirm"] = ["Send confirm=all to erase every commitment of yours."] },
                title: "Erasing the ledger needs confirmation");
        return TypedResults.Ok(new ErasedCommitments(await store.DeleteAllAsync(UserKey.From(user), ct)));
    }

    public static async Task<Ok<StalledList>> Stalled(
        ClaimsPrincipal user, CommitmentStore store, TimeProvider time, GraphAccess graph, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var overdue = await store.ListAsync(UserKey.From(user), CommitmentStatus.Open, now, MaxList, ct);

        if (!graph.IsAvailable)
        {
            var items = overdue.Select(c => StalledCommitment.From(c, now, null, "Past due and still open.")).ToArray();
            return TypedResults.Ok(new StalledList(false,
                $"Microsoft Graph was not consulted, so replies are not checked: every open commitment past due is listed. {graph.UnavailableDetail}",
                items));
        }

        // One Graph read per conversation (several commitments may share one), at most 4 at a time.
        var me = await graph.Mail.GetMyAddressesAsync(ct);
        var conversations = overdue.Select(c => c.ConversationId).OfType<string>().Distinct().ToArray();
        var lastReplies = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset?>();
        await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (conversation, token) => lastReplies[conversation] = await graph.Mail.LastReplyFromOthersAsync(conversation, me, token));

        var stalled = new List<StalledCommitment>();
        foreach (var c in overdue)
        {
            if (c.ConversationId is null)
            {
                stalled.Add(StalledCommitment.From(c, now, null, "Past due; no conversation recorded to check for replies."));
                continue;
            }
            var lastReply = lastReplies[c.ConversationId];
            if (lastReply is null || lastReply <= c.SentAt)
                stalled.Add(StalledCommitment.From(c, now, lastReply, "Past due, and the customer has not replied since the follow-up was sent."));
        }
        return TypedResults.Ok(new StalledList(true, null, stalled));
    }

    private static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Commitment not found",
        detail: $"You have no commitment {id}.");

    private static Dictionary<string, string[]> Validate(CreateCommitmentRequest r, LimitsOptions limits)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.What))
            errors["what"] = ["Required: the agreed next step."];
        else if (r.What.Length > limits.MaxFieldChars)
            errors["what"] = [$"Longer than {limits.MaxFieldChars} characters."];
        if (r.Who?.Count > limits.MaxRecipients)
            errors["who"] = [$"At most {limits.MaxRecipients} people."];
        else if (r.Who?.Any(w => w is null || w.Name?.Length > limits.MaxFieldChars || w.Address?.Length > limits.MaxFieldChars) == true)
            errors["who"] = ["Each person is an object with name and/or address of reasonable length."];
        if (r.Subject?.Length > limits.MaxSubjectChars)
            errors["subject"] = [$"Longer than {limits.MaxSubjectChars} characters."];
        if (r.SourceMessageId?.Length > 512)
            errors["sourceMessageId"] = ["Longer than 512 characters."];
        if (r.ConversationId?.Length > 512)
            errors["conversationId"] = ["Longer than 512 characters."];
        return errors;
    }
}
