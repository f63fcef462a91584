using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Analyses;
using OutlookCommit.Api.Hosting;
using OutlookCommit.Api.Invites;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Analyses;

/// <summary>Handlers are plain static methods returning typed results: called here without a server.</summary>
public sealed class HandlerTests
{
    private static readonly IOptions<LimitsOptions> Limits = Options.Create(new LimitsOptions());
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Analyze_returns_ok_with_the_engines_analysis()
    {
        var engine = new Mock<IDraftAnalyzer>();
        engine.Setup(e => e.Analyze(It.IsAny<Draft>())).Returns(Samples.Analysis());

        var result = AnalysesApi.Analyze(new DraftInput { Kind = DraftKind.Message, Subject = "s" }, engine.Object, Limits, _clock);

        var ok = Assert.IsType<Ok<DraftAnalysis>>(result.Result);
        Assert.Equal(Outcome.Continuation, ok.Value!.Outcome);
        engine.Verify(e => e.Analyze(It.Is<Draft>(d => d.ReferenceTime == _clock.GetUtcNow())), Times.Once);
    }

    [Fact]
    public void Analyze_returns_a_validation_problem_without_calling_the_engine()
    {
        var engine = new Mock<IDraftAnalyzer>(MockBehavior.Strict);

        var result = AnalysesApi.Analyze(new DraftInput { Subject = "no kind" }, engine.Object, Limits, _clock);

        var problem = Assert.IsType<ValidationProblem>(result.Result);
        Assert.Contains("kind", problem.ProblemDetails.Errors.Keys);
    }

    [Fact]
    public void Working_hour_slots_skip_the_weekend_and_keep_the_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var friday = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.FromHours(1));

        var slots = InvitesApi.WorkingHourSlots(friday, zone, 45);

        Assert.Equal(5, slots.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(1)), slots[0].Start);
        Assert.Equal(TimeSpan.FromMinutes(45), slots[0].End - slots[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(1)), slots[4].Start);
        Assert.All(slots, s => Assert.Equal("unknown", s.Availability));
    }

    [Theory]
    [InlineData("AttendeesUnavailable", false, "no common free time")]
    [InlineData("OrganizerUnavailable", true, "您在未来")]
    [InlineData("SomethingNew", false, "SomethingNew")]
    public void Empty_suggestion_reasons_are_put_in_words(string reason, bool chinese, string expected)
    {
        Assert.Contains(expected, InviteTexts.EmptyReason(reason, chinese));
    }

    [Theory]
    [InlineData("Re: Technical deep-dive", false, "Technical exchange: Technical deep-dive")]
    [InlineData("RE: FW: pricing", false, "Technical exchange: pricing")]
    [InlineData("回复：项目进展", true, "技术交流会：项目进展")]
    [InlineData("技术交流会", true, "技术交流会")]
    [InlineData("", true, "技术交流会")]
    public void Invite_subjects_drop_reply_prefixes_and_keep_the_language(string subject, bool chinese, string expected)
    {
        Assert.Equal(expected, InviteTexts.Subject(subject, chinese));
    }
}
