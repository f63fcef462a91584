using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Hosting;

namespace OutlookCommit.Api.Analyses;

/// <summary>POST /api/analyses: a draft inline → the engine's analysis. Works for unsaved drafts.</summary>
public static class AnalysesApi
{
    public static IServiceCollection AddAnalyses(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDraftAnalyzer, DraftAnalyzer>();
        services.AddHostedService<AnalyzerWarmUp>();
        return services;
    }

    public static RouteGroupBuilder MapAnalyses(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/analyses", "Analyses");

        group.MapPost("/", Analyze)
            .WithName("AnalyzeDraft")
            .WithSummary("Analyze a draft sent inline")
            .WithDescription("Checks a follow-up message or invite for action, attendee, date and confirmation, and returns the closing template.")
            .Accepts<DraftInput>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return group;
    }

    public static Results<Ok<DraftAnalysis>, ValidationProblem> Analyze(
        DraftInput draft, IDraftAnalyzer analyzer, IOptions<LimitsOptions> limits, TimeProvider time)
    {
        var errors = draft.Validate(limits.Value);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The draft cannot be analyzed", detail: "Fix the fields listed in errors and send it again.");

        return TypedResults.Ok(analyzer.Analyze(draft.ToDraft(time.GetUtcNow())));
    }
}
