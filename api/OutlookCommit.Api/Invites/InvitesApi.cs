using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Me.FindMeetingTimes;
using Microsoft.Graph.Models;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Analyses;
using OutlookCommit.Api.Graph;
using OutlookCommit.Api.Hosting;
using AddressModel = OutlookCommit.Analysis.Model.EmailAddress;

namespace OutlookCommit.Api.Invites;

/// <summary>POST /api/invites/suggestions: a technical-exchange invite drafted from a follow-up message.</summary>
public static class InvitesApi
{
    public const int DefaultMinutes = 60;
    public const int MaxCandidates = 5;
    public const int WorkingDays = 10;

    public static IServiceCollection AddInvites(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapInvites(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/invites", "Invites");
        group.MapPost("/suggestions", Suggest)
            .WithName("SuggestInvite")
            .WithSummary("Suggest a technical-exchange invite with up to 5 candidate times")
            .WithDescription("With Microsoft Graph, candidate times come from findMeetingTimes; without it, working-hour slots with availability unknown.");
        return group;
    }

    public static async Task<Results<Ok<InviteSuggestion>, ValidationProblem>> Suggest(
        InviteSuggestionRequest request, IDraftAnalyzer analyzer, GraphAccess graph, IOptions<LimitsOptions> limits,
        TimeProvider time, CancellationToken ct)
    {
        var errors = request.Validate(limits.Value);
        if (request.DurationMinutes is < 15 or > 480)
            errors["durationMinutes"] = ["Between 15 and 480 minutes."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "No invite can be suggested");

        var zone = request.TimeZone is null ? null : DraftInput.FindZone(request.TimeZone);
        var draft = request.ToDraft(time.GetUtcNow());
        zone ??= ZoneOf(draft.ReferenceTime);
        var analysis = analyzer.Analyze(draft);
        var chinese = InviteTexts.IsChinese(analysis);
        var minutes = request.DurationMinutes ?? DefaultMinutes;
        var attendees = draft.To.OrEmpty().Concat(draft.Cc.OrEmpty())
            .Where(a => !string.IsNullOrWhiteSpace(a.Address))
            .DistinctBy(a => a.Address!.Trim().ToLowerInvariant())
            .ToArray();
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);

        var subject = InviteTexts.Subject(draft.Subject, chinese);
        var agenda = InviteTexts.Agenda(minutes, chinese);
        if (!graph.IsAvailable)
        {
            return TypedResults.Ok(new InviteSuggestion(analysis.Language, subject, agenda, attendees, minutes, zone.Id, false,
                WorkingHourSlots(now, zone, minutes), null,
                "Availability was not checked: " + graph.UnavailableDetail));
        }

        // An offset-only zone (from the reference time) has no name Graph knows: ask Graph in UTC then.
        var graphZone = DraftInput.FindZone(zone.Id) is null ? "UTC" : GraphMail.GraphZoneId(zone);
        var result = await graph.Mail.FindMeetingTimesAsync(FindMeetingTimesBody(attendees, now, zone, graphZone, minutes), graphZone, ct);
        var candidates = (result?.MeetingTimeSuggestions ?? [])
            .Take(MaxCandidates)
            .Select(s => new CandidateTime(
                GraphMail.ToOffset(s.MeetingTimeSlot?.Start, zone) ?? now,
                GraphMail.ToOffset(s.MeetingTimeSlot?.End, zone) ?? now.AddMinutes(minutes),
                s.Confidence,
                Availability(s.OrganizerAvailability, s.AttendeeAvailability),
                s.SuggestionReason))
            .ToArray();
        return TypedResults.Ok(new InviteSuggestion(analysis.Language, subject, agenda, attendees, minutes, zone.Id, true, candidates,
            candidates.Length == 0 ? InviteTexts.EmptyReason(result?.EmptySuggestionsReason ?? "Unknown", chinese) : null, null));
    }

    /// <summary>The findMeetingTimes request: required attendees, working hours of the next 10 working days.</summary>
    public static FindMeetingTimesPostRequestBody FindMeetingTimesBody(
        IEnumerable<AddressModel> attendees, DateTimeOffset now, TimeZoneInfo zone, string graphZone, int minutes)
    {
        var days = WorkingDaysFrom(now, WorkingDays).ToArray();
        var graphTz = DraftInput.FindZone(graphZone) ?? TimeZoneInfo.Utc;
        DateTimeTimeZone At(DateTime local) =>
            GraphTime(TimeZoneInfo.ConvertTime(new DateTimeOffset(local, zone.GetUtcOffset(local)), graphTz).DateTime, graphZone);
        return new FindMeetingTimesPostRequestBody
        {
            Attendees = attendees.Select(a => new AttendeeBase
            {
                Type = AttendeeType.Required,
                EmailAddress = new Microsoft.Graph.Models.EmailAddress { Name = a.Name, Address = a.Address },
            }).ToList(),
            TimeConstraint = new TimeConstraint
            {
                ActivityDomain = ActivityDomain.Work,
                TimeSlots =
                [
                    new TimeSlot
                    {
                        Start = At(days[0]),
                        End = At(days[^1].AddDays(1)),
                    },
                ],
            },
            MeetingDuration = TimeSpan.FromMinutes(minutes),
            MaxCandidates = MaxCandidates,
            IsOrganizerOptional = false,
            ReturnSuggestionReasons = true,
            MinimumAttendeePercentage = 100,
        };
    }

    /// <summary>Without Graph: 10:00 and 14:00 on the next working days, availability unknown.</summary>
    public static IReadOnlyList<CandidateTime> WorkingHourSlots(DateTimeOffset now, TimeZoneInfo zone, int minutes)
    {
        var slots = new List<CandidateTime>();
        foreach (var day in WorkingDaysFrom(now, WorkingDays))
        {
            foreach (var hour in new[] { 10, 14 })
            {
                var local = day.AddHours(hour);
                var start = new DateTimeOffset(local, zone.GetUtcOffset(local));
                slots.Add(new CandidateTime(start, start.AddMinutes(minutes), null, "unknown", null));
                if (slots.Count == MaxCandidates)
                    return slots;
            }
        }
        return slots;
    }

    /// <summary>Midnights (zone-local, unspecified kind) of the next working days, starting tomorrow.</summary>
    private static IEnumerable<DateTime> WorkingDaysFrom(DateTimeOffset now, int count)
    {
        var day = DateTime.SpecifyKind(now.Date, DateTimeKind.Unspecified);
        while (count > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                continue;
            count--;
            yield return day;
        }
    }

    private static DateTimeTimeZone GraphTime(DateTime local, string zone) =>
        new() { DateTime = local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), TimeZone = zone };

    private static string Availability(FreeBusyStatus? organizer, List<AttendeeAvailability>? attendees)
    {
        var all = (attendees ?? []).Select(a => a.Availability).Append(organizer).ToArray();
        if (all.Any(a => a is FreeBusyStatus.Busy or FreeBusyStatus.Oof or FreeBusyStatus.WorkingElsewhere)) return "busy";
        if (all.Any(a => a is FreeBusyStatus.Tentative)) return "tentative";
        if (all.Any(a => a is null or FreeBusyStatus.Unknown)) return "unknown";
        return "free";
    }

    private static TimeZoneInfo ZoneOf(DateTimeOffset reference)
    {
        if (reference.Offset == TimeSpan.Zero)
            return TimeZoneInfo.Utc;
        var name = "UTC" + (reference.Offset < TimeSpan.Zero ? "-" : "+") + reference.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return TimeZoneInfo.CreateCustomTimeZone(name, reference.Offset, name, name);
    }

    private static IEnumerable<AddressModel> OrEmpty(this IEnumerable<AddressModel>? list) => list ?? [];
}
