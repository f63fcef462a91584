using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Analyses;

namespace OutlookCommit.Api.Invites;

/// <summary>POST /api/invites/suggestions: the message draft the invite follows from (the fields of POST /api/analyses).</summary>
public sealed record InviteSuggestionRequest : DraftInput
{
    /// <summary>15 to 480; default 60.</summary>
    public int? DurationMinutes { get; init; }
}

public sealed record InviteSuggestion(
    string Language,
    string Subject,
    string Agenda,
    IReadOnlyList<EmailAddress> Attendees,
    int DurationMinutes,
    string TimeZone,
    bool AvailabilityChecked,
    IReadOnlyList<CandidateTime> Candidates,
    string? EmptySuggestionsReason,
    string? Note);

/// <summary>
/// One proposed time. <see cref="Availability"/>: free, tentative, busy, or unknown (without Graph);
/// <see cref="Confidence"/> is Graph's 0–100 estimate that everyone can attend.
/// </summary>
public sealed record CandidateTime(DateTimeOffset Start, DateTimeOffset End, double? Confidence, string Availability, string? Reason);
